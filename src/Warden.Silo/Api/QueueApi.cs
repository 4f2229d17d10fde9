using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Actions;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;

namespace Warden.Silo.Api;

/// <summary>
/// <c>/api/v1</c> queue administration (configs with versions, metrics, routing rules) for <c>queues:admin</c>,
/// and the actions dead-letter list for <c>admin</c>.
/// </summary>
public static class QueueApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").RequireAuthorization(ApiScopes.QueuesAdmin);
        queues.MapGet("/", async (int? offset, int? limit, IGrainFactory grains) =>
            Page<QueueSummary>.From(await grains.GetGrain<IQueueDirectoryGrain>(IQueueDirectoryGrain.DefaultKey).List(), offset, limit));
        queues.MapGet("/{id}/config", async (string id, int? version, IGrainFactory grains) =>
        {
            var queue = grains.GetGrain<IQueueGrain>(id);
            var config = version is { } v ? await queue.GetConfigVersion(v) : await queue.GetConfig();
            return config is null ? Results.Problem(statusCode: 404, title: "No such config", detail: $"queue '{id}' has no config{(version is null ? "" : $" version {version}")}") : Results.Ok(config);
        });
        queues.MapPut("/{id}/config", SaveConfigAsync);
        queues.MapGet("/{id}/versions", async (string id, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IQueueGrain>(id).GetConfigVersions()));
        queues.MapGet("/{id}/metrics", async (string id, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IQueueGrain>(id).GetMetrics()));

        var routing = api.MapGroup("/routing").RequireAuthorization(ApiScopes.QueuesAdmin);
        routing.MapGet("/", async (IGrainFactory grains) => Results.Ok(await grains.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).GetTable()));
        routing.MapPut("/", SaveRoutingAsync);

        var deadLetters = api.MapGroup("/actions/dead-letters").RequireAuthorization(ApiScopes.Admin);
        deadLetters.MapGet("/", async (int? offset, int? limit, IGrainFactory grains) =>
            Page<ActionDelivery>.From(await grains.GetGrain<IActionDeadLetterGrain>(IActionDeadLetterGrain.DefaultKey).List(0, 500), offset, limit));
        deadLetters.MapPost("/retry", async (string key, IGrainFactory grains) =>
            await grains.GetGrain<IActionDeadLetterGrain>(IActionDeadLetterGrain.DefaultKey).Retry(key)
                ? Results.Accepted()
                : Results.Problem(statusCode: 404, title: "Not dead-lettered", detail: $"no dead-lettered action has the key '{key}'"));
    }

    private static async Task<IResult> SaveConfigAsync(string id, int expectedVersion, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var (config, problem) = await ApiJson.ReadAsync<QueueConfig>(request);
        if (problem is not null)
        {
            return problem;
        }

        var saved = await grains.GetGrain<IQueueGrain>(id).SaveConfig(config!, expectedVersion, caller.Identity!.Name!);
        if (saved.Errors.Count == 0)
        {
            return Results.Ok(saved);
        }

        return ApiProblems.Refused(saved.Errors);
    }

    private static async Task<IResult> SaveRoutingAsync(int expectedVersion, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains)
    {
        var (table, problem) = await ApiJson.ReadAsync<RoutingTable>(request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = await grains.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).SetTable(table!, expectedVersion, caller.Identity!.Name!);
        if (errors.Count == 0)
        {
            return Results.Ok(await grains.GetGrain<IRoutingGrain>(IRoutingGrain.DefaultKey).GetTable());
        }

        return ApiProblems.Refused(errors);
    }
}
