namespace SemRestore.Cli.Tests;

[Trait("Category", "Unit")]
public sealed class ProgramTests
{
    [Fact]
    public void Run_WithNoArguments_PrintsHelpAndReturnsUsage()
    {
        var (code, output, _) = CliRunner.Run();
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_WithUnknownCommand_ReturnsUsageAndSaysWhy()
    {
        var (code, _, error) = CliRunner.Run("no-such-command");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("no-such-command", error);
    }
}
