using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Appeals;
using Warden.Abstractions.Strikes;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary>
/// <c>/api/v1</c> appeals and strikes. A platform files an owner's appeal with the key it submits content
/// with (<c>submit</c>), naming the owner as the appellant; reading appeals and strikes needs <c>enforcement:read</c>.
/// </summary>
public static class AppealApi
{
    public sealed record FileRequest(string? Statement, string? Appellant, string? Surface);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/entities/{entity}/appeals", async (string entity, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<FileRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var result = await grains.GetGrain<IAppealsGrain>(entity).File(new AppealRequest
            {
                Statement = body!.Statement ?? string.Empty,
                Appellant = body.Appellant ?? BearerAuthentication.Actor(caller),
                Surface = body.Surface,
            });
            if (result.Errors.Count == 0)
            {
                return Results.Created($"/api/v1/entities/{Uri.EscapeDataString(entity)}/appeals", result.Appeal);
            }

            // An appeal that may not be filed again is a conflict with what exists; anything else is a bad request.
            return result.Errors.All(e => e.Field == "Appeal")
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Appeal refused", detail: string.Join("; ", result.Errors.Select(e => e.Message)))
                : ApiProblems.Validation(result.Errors);
        }).RequireAuthorization(ApiScopes.Submit);
        api.MapGet("/entities/{entity}/appeals", async (string entity, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IAppealsGrain>(entity).List())).RequireAuthorization(ApiScopes.EnforcementRead);
        api.MapGet("/entities/{entity}/strikes", async (string entity, IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<IStrikesGrain>(entity).Get())).RequireAuthorization(ApiScopes.EnforcementRead);
    }
}
