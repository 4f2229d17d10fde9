using System.Collections.Concurrent;
using Warden.Abstractions.Bulk;
using Warden.Abstractions.Labels;
using Warden.Core.Bulk;
using Warden.Grains.Labels;
using Warden.Grains.Runtime;

namespace Warden.Grains.Bulk;

/// <summary>
/// Runs a bulk operation's entities through their entity grains a page at a time, at most the operation's
/// parallelism at once, storing each page's outcomes in one statement. Applying takes the pending entities;
/// undoing takes the applied ones and reverses them (removes the operation's own label, or puts back the
/// label a removal took). A silo that dies mid-way leaves the rest pending; the operation's reminder resumes it.
/// </summary>
public sealed partial class BulkRunner(PostgresBulkStore store, IGrainFactory grains, TimeProvider clock, ILogger<BulkRunner> logger)
{
    private const int PageSize = 2000;
    /// <summary>The operations this silo is running now.</summary>
    private readonly ConcurrentDictionary<string, byte> _running = new();

    public bool IsRunning(string id) => _running.ContainsKey(id);

    /// <summary>Starts the operation's pending work in the background unless this silo is already running it.</summary>
    public void Run(string id, string actor)
    {
        if (_running.TryAdd(id, 0))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await RunAsync(id, actor);
                }
                catch (Exception error)
                {
                    LogInterrupted(error, id);
                }
                finally
                {
                    _running.TryRemove(id, out _);
                }
            });
        }
    }

    private async Task RunAsync(string id, string actor)
    {
        var operation = await store.GetAsync(id);
        if (operation?.Status == BulkStatus.Running)
        {
            await PassAsync(operation, BulkOutcome.Pending, undo: false, actor);
            await store.SetStatusAsync(id, BulkStatus.Applied, clock.GetUtcNow());
        }
        else if (operation?.Status == BulkStatus.Undoing)
        {
            await PassAsync(operation, BulkOutcome.Applied, undo: true, actor);
            await store.SetStatusAsync(id, BulkStatus.Undone, clock.GetUtcNow());
        }
    }

    private async Task PassAsync(BulkOperationInfo operation, BulkOutcome from, bool undo, string actor)
    {
        var label = operation.Action.Kind == "label" ? BulkRules.LabelFor(operation.Id, operation.Action, operation.CreatedAt) : null;
        var removed = operation.Action.RemoveSource is { } key ? BulkRules.ParseSource(key) : null;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, operation.Parallelism) };
        var after = string.Empty;
        while (await store.NextAsync(operation.Id, from, after, PageSize) is { Count: > 0 } page)
        {
            var outcomes = new ConcurrentBag<(string, BulkOutcome, string?, string?)>();
            await Parallel.ForEachAsync(page, parallel, async (item, _) =>
            {
                try
                {
                    outcomes.Add(undo ? await UndoOneAsync(operation, item, actor) : await ApplyOneAsync(operation, item.Entity, label, removed, actor));
                }
                catch (Exception error)
                {
                    outcomes.Add((item.Entity, undo ? BulkOutcome.UndoFailed : BulkOutcome.Failed, null, error.Message));
                }
            });
            await store.RecordAsync(operation.Id, [.. outcomes]);
            after = page[^1].Entity;
        }
    }

    private async Task<(string, BulkOutcome, string?, string?)> ApplyOneAsync(BulkOperationInfo operation, string entity, Label? label, LabelSource? removed, string actor)
    {
        var grain = grains.GetGrain<IEntityGrain>(entity);
        if (label is not null)
        {
            return Outcome(entity, await grain.WriteLabel(label, actor), BulkOutcome.Applied, BulkOutcome.Skipped, BulkOutcome.Failed, null);
        }

        var current = (await grain.GetLabels()).Live.FirstOrDefault(l => l.Source == removed);
        if (current is null)
        {
            return (entity, BulkOutcome.Skipped, null, null);
        }

        var result = await grain.RemoveLabel(removed!, actor, $"bulk {operation.Id}: {operation.Action.Reason}");
        return Outcome(entity, result, BulkOutcome.Applied, BulkOutcome.Skipped, BulkOutcome.Failed, StoredJson.Write(current));
    }

    private async Task<(string, BulkOutcome, string?, string?)> UndoOneAsync(BulkOperationInfo operation, (string Entity, string? Previous) item, string actor)
    {
        var grain = grains.GetGrain<IEntityGrain>(item.Entity);
        var result = item.Previous is { } previous
            ? await grain.WriteLabel(StoredJson.Read<Label>(previous), actor)
            : await grain.RemoveLabel(BulkRules.SourceFor(operation.Id), actor, $"undo of bulk {operation.Id}");
        return Outcome(item.Entity, result, BulkOutcome.Undone, BulkOutcome.UndoSkipped, BulkOutcome.UndoFailed, null);
    }

    private static (string, BulkOutcome, string?, string?) Outcome(string entity, LabelWriteResult result, BulkOutcome done, BulkOutcome skipped, BulkOutcome failed, string? previous) =>
        result.Outcome switch
        {
            // A label held on a trusted entity is stored and waits for review: applied, as far as the operation goes.
            LabelWriteOutcome.Added or LabelWriteOutcome.Replaced or LabelWriteOutcome.Removed or LabelWriteOutcome.Held => (entity, done, previous, null),
            LabelWriteOutcome.Rejected => (entity, failed, null, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))),
            _ => (entity, skipped, null, null),
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bulk operation {Operation} stopped; its reminder resumes the entities left")]
    private partial void LogInterrupted(Exception error, string operation);
}
