using SemRestore.Imaging.Tiling;

namespace SemRestore.Imaging.Tests.Tiling;

[Trait("Category", "Unit")]
public sealed class TileGridTests
{
    [Theory]
    [InlineData(1, 1, 16, 2)]
    [InlineData(100, 37, 32, 4)]
    [InlineData(257, 255, 64, 8)]
    [InlineData(64, 64, 64, 8)]
    [InlineData(65, 200, 64, 0)]
    [InlineData(3072, 2048, 512, 48)]
    public void WriteWindows_PartitionTheImage_AndLieInsideEqualSizedReadWindows(int width, int height, int tileSize, int overlap)
    {
        var grid = new TileGrid(width, height, tileSize, overlap);
        var covered = new int[width * height];
        foreach (var tile in grid)
        {
            Assert.Equal(Math.Min(tileSize, width), tile.ReadWidth);
            Assert.Equal(Math.Min(tileSize, height), tile.ReadHeight);
            Assert.InRange(tile.ReadX, 0, width - tile.ReadWidth);
            Assert.InRange(tile.ReadY, 0, height - tile.ReadHeight);
            Assert.True(tile.WriteX >= tile.ReadX && tile.WriteX + tile.WriteWidth <= tile.ReadX + tile.ReadWidth);
            Assert.True(tile.WriteY >= tile.ReadY && tile.WriteY + tile.WriteHeight <= tile.ReadY + tile.ReadHeight);

            // The halo is kept on every side that faces another tile.
            if (tile.WriteX > 0)
            {
                Assert.True(tile.WriteX - tile.ReadX >= overlap);
            }

            if (tile.WriteX + tile.WriteWidth < width)
            {
                Assert.True(tile.ReadX + tile.ReadWidth - (tile.WriteX + tile.WriteWidth) >= overlap);
            }

            for (var y = tile.WriteY; y < tile.WriteY + tile.WriteHeight; y++)
            {
                for (var x = tile.WriteX; x < tile.WriteX + tile.WriteWidth; x++)
                {
                    covered[y * width + x]++;
                }
            }
        }

        var wrong = Array.FindIndex(covered, c => c != 1);
        Assert.True(wrong < 0, $"pixel {wrong} is covered {(wrong < 0 ? 1 : covered[wrong])} times");
        Assert.Equal(grid.Columns * grid.Rows, grid.Count);
    }

    [Fact]
    public void Constructor_WhenOverlapTooLarge_NamesTheParameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TileGrid(100, 100, 32, 16));
        Assert.Equal("Overlap", e.ParamName);
    }

    [Fact]
    public void Constructor_WhenTileSizeNotAMultiple_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TileGrid(100, 100, 48, 4, sizeMultiple: 32));
        Assert.Equal("TileSize", e.ParamName);
    }
}
