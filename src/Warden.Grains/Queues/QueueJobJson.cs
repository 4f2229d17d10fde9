using System.Text.Json;
using Warden.Abstractions.Queues;
using Warden.Grains.Labels;

namespace Warden.Grains.Queues;

/// <summary>How a queued job is stored: the same JSON conventions as labels.</summary>
public static class QueueJobJson
{
    public static string Write(QueuedJob job) => JsonSerializer.Serialize(job, LabelJson.Options);

    public static QueuedJob Read(string json) => JsonSerializer.Deserialize<QueuedJob>(json, LabelJson.Options)
        ?? throw new InvalidDataException("A stored queue job is null.");
}
