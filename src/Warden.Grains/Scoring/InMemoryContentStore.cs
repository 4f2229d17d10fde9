using System.Collections.Concurrent;
using Warden.Abstractions.Scoring;

namespace Warden.Grains.Scoring;

/// <summary>The development store: this process's memory.</summary>
public sealed class InMemoryContentStore(TimeProvider clock) : IContentStore
{
    private readonly ConcurrentDictionary<(string, string), (ContentRecord Record, DateTimeOffset UpdatedAt)> _records = new();

    public Task<bool> InsertAsync(ContentRecord record) =>
        Task.FromResult(_records.TryAdd((record.Entity, record.Submission.IdempotencyKey), (record, clock.GetUtcNow())));

    public Task UpdateAsync(ContentRecord record)
    {
        _records[(record.Entity, record.Submission.IdempotencyKey)] = (record, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<ContentRecord?> GetAsync(string entity, string idempotencyKey) =>
        Task.FromResult(_records.TryGetValue((entity, idempotencyKey), out var entry) ? entry.Record : null);

    public Task<(ContentRecord Record, IReadOnlyList<string?> ImageNames)?> LatestAsync(string entity)
    {
        var latest = _records.Values.Where(r => r.Record.Entity == entity).MaxBy(r => r.Record.ReceivedAt).Record;
        return Task.FromResult<(ContentRecord, IReadOnlyList<string?>)?>(latest is null
            ? null
            : (latest with { Submission = latest.Submission with { Images = [] } }, [.. latest.Submission.Images.Select(i => i.Name)]));
    }

    public Task<byte[]?> ImageAsync(string entity, string idempotencyKey, int ordinal) =>
        Task.FromResult(_records.TryGetValue((entity, idempotencyKey), out var entry) && ordinal >= 0 && ordinal < entry.Record.Submission.Images.Count
            ? entry.Record.Submission.Images[ordinal].Bytes
            : null);

    public Task<IReadOnlyList<(string Entity, string IdempotencyKey)>> PendingAsync(DateTimeOffset before, TimeSpan backoff, int limit) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([.. _records
            .Where(r => r.Value.Record.Status is ContentStatus.Received or ContentStatus.ScoringImages
                && r.Value.UpdatedAt < before - (backoff * (Math.Pow(2, Math.Min(r.Value.Record.Attempts, 6)) - 1)))
            .OrderBy(r => r.Value.UpdatedAt)
            .Take(limit)
            .Select(r => r.Key)]);
}
