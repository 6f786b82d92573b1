using System.Globalization;
using System.Text.Json;
using SemRestore.Imaging;
using SemRestore.Imaging.Io;

namespace SemRestore.Metrics.Circles;

/// <summary>Reads and writes circle lists as JSON: <c>{"circles":[{"x":..,"y":..,"r":..}, ...]}</c> (the synthesis manifest's circles.json).</summary>
public static class CircleFile
{
    /// <summary>Loads a circle list.</summary>
    /// <exception cref="InvalidInputException">The file is missing, is not JSON of that shape or holds a non-positive radius.</exception>
    public static IReadOnlyList<Circle> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"{path}: circle file not found.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("circles", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInputException($"{path}: expected an object with a \"circles\" array.");
            }

            var circles = new List<Circle>(list.GetArrayLength());
            foreach (var item in list.EnumerateArray())
            {
                var circle = new Circle(item.GetProperty("x").GetDouble(), item.GetProperty("y").GetDouble(), item.GetProperty("r").GetDouble());
                if (!(circle.Radius > 0) || !double.IsFinite(circle.X) || !double.IsFinite(circle.Y))
                {
                    throw new InvalidInputException($"{path}: circle {circles.Count} has an invalid centre or radius ({circle.X}, {circle.Y}, r={circle.Radius}).");
                }

                circles.Add(circle);
            }

            return circles;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidInputException($"{path}: not a circle list ({e.Message}); expected {{\"circles\":[{{\"x\":..,\"y\":..,\"r\":..}}]}}.", e);
        }
    }

    /// <summary>Writes a circle list atomically.</summary>
    public static void Save(string path, IEnumerable<Circle> circles)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("circles");
            foreach (var circle in circles)
            {
                writer.WriteStartObject();
                writer.WriteNumber("x", Math.Round(circle.X, 3));
                writer.WriteNumber("y", Math.Round(circle.Y, 3));
                writer.WriteNumber("r", Math.Round(circle.Radius, 3));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        AtomicFile.WriteAllText(path, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    internal static string Format(Circle circle) =>
        string.Create(CultureInfo.InvariantCulture, $"({circle.X:0.0}, {circle.Y:0.0}, r={circle.Radius:0.0})");
}
