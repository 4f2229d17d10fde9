using Warden.Abstractions.Queues;
using Warden.Core.Queues;

namespace Warden.Core.Tests.Queues;

internal static class QueueSamples
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var samples = Path.Combine(dir.FullName, "samples", "queues");
                if (Directory.Exists(samples))
                {
                    return samples;
                }
            }

            throw new DirectoryNotFoundException("samples/queues not found above the test binaries");
        }
    }

    public static QueueConfig Load(string name)
    {
        var (config, errors) = QueueConfigJson.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        errors.Should().BeEmpty();
        return config!;
    }

    public static ReviewDecision Decide(string reviewer, params (string Type, string Action)[] actions) => new()
    {
        Reviewer = reviewer,
        Actions = [.. actions.Select(a => new ObjectAction(a.Type, a.Action))],
        DecidedAt = DateTimeOffset.UnixEpoch.AddMinutes(reviewer.Length),
    };
}
