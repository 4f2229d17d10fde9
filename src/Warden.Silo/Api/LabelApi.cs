using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Core.Labels;
using Warden.Abstractions.Validation;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary><c>/api/v1</c> labels and enforcement: write, remove and batch-write labels; read enforcement (single, batch, explained) and history.</summary>
public static class LabelApi
{
    public const int MaxBatch = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/entities/{entity}/labels", WriteAsync).RequireAuthorization(ApiScopes.LabelsWrite);
        api.MapDelete("/entities/{entity}/labels", RemoveAsync).RequireAuthorization(ApiScopes.LabelsWrite);
        api.MapPost("/labels/batch", WriteBatchAsync).RequireAuthorization(ApiScopes.LabelsWrite);
        api.MapGet("/entities/{entity}/enforcement", (string entity, string surface, bool? explain, IGrainFactory grains) => ReadAsync(grains, entity, surface, explain ?? true))
            .RequireAuthorization(ApiScopes.EnforcementRead);
        api.MapPost("/enforcement/batch", ReadBatchAsync).RequireAuthorization(ApiScopes.EnforcementRead);
        api.MapGet("/entities/{entity}/history", async (string entity, int? limit, IGrainFactory grains) =>
            Results.Ok(await grains.Get<IEntityGrain>(entity).GetHistory(limit ?? 50))).RequireAuthorization(ApiScopes.EnforcementRead);
    }

    private static async Task<IResult> WriteAsync(string entity, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains, ILogger<ReservedSourceLog> log)
    {
        var (label, problem) = await ApiJson.ReadAsync<Label>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (RefuseReserved(caller, log, entity, label!.Source?.System) is { } refused)
        {
            return refused;
        }

        var result = await grains.GetGrain<IEntityGrain>(entity).WriteLabel(label!, BearerAuthentication.Actor(caller));
        return result.Outcome == LabelWriteOutcome.Rejected ? ApiProblems.Validation(result.Errors) : Results.Ok(result);
    }

    private static async Task<IResult> RemoveAsync(string entity, string system, SourceKind kind, string name, string? reason, ClaimsPrincipal caller, IGrainFactory grains, ILogger<ReservedSourceLog> log)
    {
        if (RefuseReserved(caller, log, entity, system) is { } refused)
        {
            return refused;
        }

        var result = await grains.GetGrain<IEntityGrain>(entity).RemoveLabel(new LabelSource(system, kind, name), BearerAuthentication.Actor(caller), reason);
        return result.Outcome == LabelWriteOutcome.Rejected ? ApiProblems.Validation(result.Errors) : Results.Ok(result);
    }

    private static async Task<IResult> WriteBatchAsync(HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains, ILogger<ReservedSourceLog> log)
    {
        var (batch, problem) = await ApiJson.ReadAsync<LabelBatchRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (batch!.Items is not { Count: > 0 and <= MaxBatch })
        {
            return ApiProblems.Validation("Items", $"send between 1 and {MaxBatch} labels, not {batch.Items?.Count ?? 0}");
        }

        var missing = batch.Items.Select((item, index) => (item, index)).Where(x => x.item?.Entity is null || x.item.Label is null).ToList();
        if (missing.Count > 0)
        {
            return ApiProblems.Validation([.. missing.Select(x => new FieldError($"Items[{x.index}]", x.item is null ? "is required" : "needs both an entity and a label"))]);
        }

        foreach (var item in batch.Items)
        {
            if (RefuseReserved(caller, log, item.Entity!, item.Label!.Source?.System) is { } refused)
            {
                return refused;
            }
        }

        var results = new LabelWriteResult[batch.Items.Count];
        var byEntity = batch.Items.Select((item, index) => (item, index)).GroupBy(x => x.item.Entity ?? "");
        await Task.WhenAll(byEntity.Select(async group =>
        {
            var written = await grains.GetGrain<IEntityGrain>(group.Key).WriteLabels([.. group.Select(x => x.item.Label)], BearerAuthentication.Actor(caller));
            foreach (var (x, result) in group.Zip(written))
            {
                results[x.index] = result;
            }
        }));
        return Results.Ok(results);
    }

    private static async Task<IResult> ReadAsync(IGrainFactory grains, string entity, string surface, bool explain)
    {
        var grain = grains.Get<IEntityGrain>(entity);
        return explain ? Results.Ok(await grain.GetEnforcement(surface)) : Results.Ok(await grain.GetVerdict(surface));
    }

    private static async Task<IResult> ReadBatchAsync(HttpRequest request, IGrainFactory grains)
    {
        var (batch, problem) = await ApiJson.ReadAsync<EnforcementBatchRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        var reader = grains.GetGrain<IEnforcementReaderGrain>(0);
        return batch!.Explain
            ? Results.Ok(await reader.GetEnforcements(batch.Surface, batch.Entities ?? []))
            : Results.Ok(await reader.GetVerdicts(batch.Surface, batch.Entities ?? []));
    }

    /// <summary>403 (and a warning naming the caller) for a reserved source system, unless the caller is an admin.</summary>
    private static IResult? RefuseReserved(ClaimsPrincipal caller, ILogger<ReservedSourceLog> log, string entity, string? system)
    {
        if (!ReservedSources.IsReserved(system) || caller.HasClaim(BearerAuthentication.ScopeClaim, ApiScopes.Admin))
        {
            return null;
        }

        ReservedSourceLog.Refused(log, BearerAuthentication.Actor(caller), system!, entity);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Reserved label source",
            detail: $"Label source system '{system}' is written only by Warden itself (review, appeals, bulk, scoring, strikes); this caller may not write or remove it.");
    }
}
