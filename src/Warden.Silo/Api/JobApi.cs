using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary>
/// <c>/api/v1</c> review work: lease the next job, renew, release, decide, pass, escalate, hold for a
/// lead (and a lead's take-over), and job details. The reviewer is the caller (a signed-in person, or a key), and every call checks the
/// caller's groups against the queue's reviewer groups, not only the lease.
/// </summary>
public static class JobApi
{
    public sealed record DecideRequest(string? Token, IReadOnlyList<ObjectAction>? Actions, IReadOnlyList<string>? Labels, IReadOnlyList<string>? Policies, string? Note);

    public sealed record MoveRequest(string? Token, string? Reason, string? Queue);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/queues/{queue}/lease", async (string queue, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var lease = await Grain(grains, queue).LeaseNext(ReviewerAccess.Of(caller));
            return lease is null ? Results.NoContent() : Results.Ok(lease);
        }).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/renew", (string queue, string job, string token, ClaimsPrincipal caller, IGrainFactory grains) =>
            GuardedAsync(grains, queue, caller, q => q.Renew(job, token))).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/release", (string queue, string job, string token, ClaimsPrincipal caller, IGrainFactory grains) =>
            GuardedAsync(grains, queue, caller, q => q.Release(job, token))).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/decide", async (string queue, string job, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<DecideRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var decision = new ReviewDecision
            {
                Reviewer = caller.Identity!.Name!,
                Actions = [.. body!.Actions ?? []],
                Labels = [.. body.Labels ?? []],
                Policies = [.. body.Policies ?? []],
                Note = body.Note,
            };
            return await GuardedAsync(grains, queue, caller, q => q.Decide(job, body.Token ?? string.Empty, decision));
        }).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/pass", async (string queue, string job, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<MoveRequest>(request);
            return problem ?? await GuardedAsync(grains, queue, caller, q => q.Pass(job, body!.Token ?? string.Empty, body.Queue ?? string.Empty, body.Reason ?? string.Empty));
        }).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/escalate", async (string queue, string job, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<MoveRequest>(request);
            return problem ?? await GuardedAsync(grains, queue, caller, q => q.Escalate(job, body!.Token ?? string.Empty, body.Reason ?? string.Empty));
        }).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/hold", async (string queue, string job, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<MoveRequest>(request);
            return problem ?? await GuardedAsync(grains, queue, caller, q => q.Hold(job, body!.Token ?? string.Empty, body.Reason ?? string.Empty));
        }).RequireAuthorization(ApiScopes.Review);
        api.MapPost("/queues/{queue}/jobs/{job}/take-over", async (string queue, string job, ClaimsPrincipal caller, IGrainFactory grains) =>
            await Grain(grains, queue).TakeOver(job, ReviewerAccess.Of(caller)) is { } lease
                ? Results.Ok(lease)
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not on hold", detail: $"job {job} is not on hold in queue {queue}"))
            .RequireAuthorization(ApiScopes.QueuesAdmin);
        api.MapGet("/queues/{queue}/held", async (string queue, IGrainFactory grains) => Results.Ok(await Grain(grains, queue).GetHeld()))
            .RequireAuthorization(ApiScopes.QueuesAdmin);
        api.MapGet("/jobs/{job}", async (string job, bool? explain, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var grain = grains.GetGrain<IReviewJobGrain>(job);
            var details = await grain.GetDetails();
            if (details.Status == JobStatus.None)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no job '{job}'.");
            }

            if (!await ReviewerAccess.MaySeeJobAsync(grains, caller, details))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: $"'{caller.Identity!.Name}' may not see this job: it belongs to a queue outside their reviewer groups.");
            }

            var shown = explain == true ? await grain.GetExplainedDetails() : details;
            return Results.Ok(ReviewerAccess.MayAdminister(caller) || caller.HasClaim(BearerAuthentication.ScopeClaim, ApiScopes.Admin) ? shown : ForReviewers(shown));
        }).RequireAuthorization(ApiScopes.Review);
    }

    /// <summary>
    /// What a reviewer sees of a job: who filed it and under which key stay with leads (a golden copy would
    /// otherwise stand out by them, and reviewers need neither).
    /// </summary>
    private static ReviewJobDetails ForReviewers(ReviewJobDetails details) =>
        details.Request is null ? details : details with { Request = details.Request with { Key = string.Empty, Actor = string.Empty } };

    /// <summary>Runs <paramref name="call"/> only for a caller in one of the queue's groups (or an admin).</summary>
    private static async Task<IResult> GuardedAsync(IGrainFactory grains, string queue, ClaimsPrincipal caller, Func<IQueueGrain, Task<JobStepResult>> call)
    {
        var grain = Grain(grains, queue);
        var config = await grain.GetConfig();
        if (config is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no queue '{queue}'.");
        }

        if (!ReviewerAccess.MayReview(caller, config))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: $"'{caller.Identity!.Name}' is in none of queue {queue}'s reviewer groups ({string.Join(", ", config.ReviewerGroups)}).");
        }

        var result = await call(grain);
        return result.Errors.Count > 0 ? ApiProblems.Validation(result.Errors) : Results.Ok(result);
    }

    private static IQueueGrain Grain(IGrainFactory grains, string queue) => grains.GetGrain<IQueueGrain>(queue);
}
