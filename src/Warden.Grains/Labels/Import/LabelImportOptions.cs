namespace Warden.Grains.Labels.Import;

public sealed record LabelImportOptions
{
    /// <summary>Recorded as the actor of every change the import makes, e.g. <c>import:2026-11-22-spam.jsonl</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>Entities written at once. More than a few dozen per silo core only queues.</summary>
    public int Parallelism { get; init; } = 64;

    /// <summary>Rows read before they are grouped and written; bounds memory.</summary>
    public int ChunkSize { get; init; } = 50_000;

    /// <summary>An entity with more rows in one chunk is written in calls of this many labels.</summary>
    public int MaxLabelsPerCall { get; init; } = 500;

    /// <summary>Where rejected rows go; next to the file, with <c>.rejected.jsonl</c> appended, by default.</summary>
    public string? RejectedRowsPath { get; init; }
}
