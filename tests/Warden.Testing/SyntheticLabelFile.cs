using System.Globalization;

namespace Warden.Testing;

/// <summary>
/// Writes a deterministic JSON Lines label file: <c>entities</c> pins, each labelled by
/// <c>sourcesPerEntity</c> automated sources. Every <c>rejectEvery</c>-th row cites an unknown policy and
/// the last line is not JSON, so an import has rejects to report.
/// </summary>
public static class SyntheticLabelFile
{
    private static readonly string[] Policies = ["spam", "porn", "hate", "harassment", "violence"];
    private static readonly string[] Enforcements = ["allow", "hide_from_recommendations", "limit", "block"];

    /// <summary>Writes the file and returns how many rows the cluster should reject (unknown policy or unreadable).</summary>
    public static long Write(string path, int entities, int sourcesPerEntity, int rejectEvery)
    {
        var createdAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        long row = 0, rejects = 0;
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 20);
        for (var e = 0; e < entities; e++)
        {
            for (var s = 0; s < sourcesPerEntity; s++)
            {
                row++;
                var bad = rejectEvery > 0 && row % rejectEvery == 0;
                rejects += bad ? 1 : 0;
                var policy = bad ? "no_such_policy" : Policies[(e + s) % Policies.Length];
                var enforcement = EnforcementOf(e, s);
                var at = createdAt.AddSeconds(e).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                var confidence = (0.5 + ((e + s) % 50) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
                writer.Write("{\"entity\":\"pin:");
                writer.Write(e);
                writer.Write("\",\"source\":{\"system\":\"model-");
                writer.Write(s);
                writer.Write($"\",\"kind\":\"automated\",\"name\":\"v1\"}},\"enforcement\":\"{enforcement}\",\"policy\":\"{policy}\",\"createdAt\":\"{at}\",\"confidence\":{confidence}}}\n");
            }
        }

        writer.Write("{this line is not json\n");
        return rejects + 1;
    }

    /// <summary>The enforcement the file gives entity <paramref name="entity"/>'s source <paramref name="source"/>.</summary>
    public static string EnforcementOf(int entity, int source) => Enforcements[(entity * 7 + source) % Enforcements.Length];
}
