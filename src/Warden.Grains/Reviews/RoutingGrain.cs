using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Runtime;
using Warden.Core.Reviews;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Reviews;

[GenerateSerializer, Alias("warden.reviews.routing-state")]
public sealed class RoutingState
{
    [Id(0)] public RoutingTable Table { get; set; } = new();
}

public sealed class RoutingGrain(
    [PersistentState("routing", WardenProviders.GrainStorage)] IPersistentState<RoutingState> routing)
    : Grain, IRoutingGrain
{
    public Task<RoutingTable> GetTable() => Task.FromResult(routing.State.Table);

    public async Task<IReadOnlyList<FieldError>> SetTable(RoutingTable table, int expectedVersion, string actor)
    {
        var errors = new List<FieldError>(table is null ? [new FieldError("Table", "is required")] : Routing.Validate(table));
        TextRules.RequireActor(errors, actor);
        ExpectedVersion.Check(errors, "the routing rules", routing.State.Table.Version, expectedVersion);

        if (errors.Count > 0)
        {
            return errors;
        }

        routing.State.Table = table! with { Version = expectedVersion + 1 };
        await routing.WriteStateAsync();
        return [];
    }

    public Task<string?> Route(RoutingRequest request) =>
        Task.FromResult(Routing.Match(routing.State.Table, request)?.Queue ?? routing.State.Table.DefaultQueue);

    public async Task<RouteResult> Submit(RoutingRequest request, EnqueueRequest job)
    {
        if (request is null || job is null)
        {
            return new RouteResult(null, null, [new FieldError("Request", "a routing request and a job are required")]);
        }

        var rule = Routing.Match(routing.State.Table, request);
        var queue = rule?.Queue ?? routing.State.Table.DefaultQueue;
        if (queue is null)
        {
            return new RouteResult(null, null, [new FieldError("Route", $"no routing rule matches {request.EntityType}/{request.Policy} and there is no default queue")]);
        }

        var opened = await GrainFactory.GetGrain<IQueueGrain>(queue).Enqueue(job with { Priority = Math.Max(job.Priority, rule?.Priority ?? 0) });
        return new RouteResult(queue, opened, opened.Errors);
    }
}
