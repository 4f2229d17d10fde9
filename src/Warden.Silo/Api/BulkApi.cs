using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Bulk;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary>
/// <c>/api/v1/bulk</c>: dry-run a query (count and sample), start an operation (202, then poll its
/// progress and report), list operations, undo one as a unit. Admins only: one call can touch millions.
/// </summary>
public static class BulkApi
{
    public sealed record StartRequest(BulkQuery? Query, BulkAction? Action, int? Parallelism);

    public static void Map(RouteGroupBuilder api)
    {
        var bulk = api.MapGroup("/bulk").RequireAuthorization(ApiScopes.Admin);
        bulk.MapPost("/preview", async (HttpRequest request, IGrainFactory grains) =>
        {
            var (query, problem) = await ApiJson.ReadAsync<BulkQuery>(request);
            if (problem is not null)
            {
                return problem;
            }

            var preview = await grains.GetGrain<IBulkQueryGrain>(0).Preview(query!);
            return preview.Errors.Count == 0 ? Results.Ok(preview) : ApiProblems.Validation(preview.Errors);
        });
        bulk.MapPost("/", async (HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<StartRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var id = "bulk-" + Guid.NewGuid().ToString("N")[..16];
            var started = await grains.GetGrain<IBulkOperationGrain>(id).Start(new BulkRequest
            {
                Query = body!.Query ?? new BulkQuery(),
                Action = body.Action ?? new BulkAction { Kind = string.Empty, Reason = string.Empty },
                Actor = BearerAuthentication.Actor(caller),
                Parallelism = body.Parallelism ?? 32,
            });
            return started.Errors.Count == 0 ? Results.Accepted($"/api/v1/bulk/{id}", started) : ApiProblems.Validation(started.Errors);
        });
        bulk.MapGet("/", async (int? limit, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IBulkQueryGrain>(0).List(limit ?? 50)));
        bulk.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<IBulkOperationGrain>(id).Get() is { } operation
                ? Results.Ok(operation)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no bulk operation '{id}'."));
        bulk.MapPost("/{id}/undo", async (string id, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var undone = await grains.GetGrain<IBulkOperationGrain>(id).Undo(BearerAuthentication.Actor(caller));
            return undone.Errors.Count == 0
                ? Results.Accepted($"/api/v1/bulk/{id}", undone)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot undo", detail: undone.Errors[0].Message);
        });
    }
}
