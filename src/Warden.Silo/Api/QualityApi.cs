using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Quality;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary><c>/api/v1/queues/{id}</c> golden jobs and reviewer quality, for leads (<c>queues:admin</c>).</summary>
public static class QualityApi
{
    public sealed record GoldenRequest(string? Id, IReadOnlyList<ReviewObject>? Objects, IReadOnlyList<JobReport>? Reports, IReadOnlyList<JobScore>? Scores, string? Reason, IReadOnlyList<ObjectAction>? Expected);

    public static void Map(RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues/{id}").RequireAuthorization(ApiScopes.QueuesAdmin);
        queues.MapPost("/golden", async (string id, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<GoldenRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (await grains.GetGrain<IQueueGrain>(id).GetConfig() is not { } config)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no queue '{id}'.");
            }

            var golden = new GoldenJob
            {
                Id = body!.Id ?? string.Empty,
                Request = new EnqueueRequest
                {
                    Key = "golden-template",
                    Objects = [.. body.Objects ?? []],
                    Reports = [.. body.Reports ?? []],
                    Scores = [.. body.Scores ?? []],
                    Reason = body.Reason ?? "reported",
                    Actor = BearerAuthentication.Actor(caller),
                },
                Expected = [.. body.Expected ?? []],
            };
            var errors = await grains.GetGrain<IReviewerQualityGrain>(id).AddGolden(golden, config);
            return errors.Count == 0 ? Results.Created($"/api/v1/queues/{id}/golden", golden) : ApiProblems.Validation(errors);
        });
        queues.MapGet("/golden", async (string id, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IReviewerQualityGrain>(id).Golden()));
        queues.MapGet("/quality", async (string id, int? days, IGrainFactory grains) =>
            days is < 1 or > 3650
                ? ApiProblems.Validation("days", "must be between 1 and 3650")
                : Results.Ok(await grains.GetGrain<IReviewerQualityGrain>(id).Report(DateTimeOffset.UtcNow.AddDays(-(days ?? 30)))));
    }
}
