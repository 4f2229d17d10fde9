using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary><c>/api/v1</c> sessions for people (sign in, sign out) and account administration.</summary>
public static class AccountApi
{
    public sealed record SignInRequest(string? Username, string? Password);

    public sealed record AccountRequest(string? Username, string? Password, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups);

    public sealed record AccessRequest(IReadOnlyList<string>? Roles, IReadOnlyList<string>? Groups);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/sessions", async (HttpRequest request, HttpResponse response, AccountSessions sessions) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<SignInRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var attempt = await sessions.SignInAsync(body!.Username, body.Password);
            if (attempt.LockedFor is { } locked)
            {
                response.Headers.RetryAfter = Math.Ceiling(locked.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in locked", detail: attempt.LockedMessage);
            }

            if (attempt.Session is not { } session)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The username or password is wrong, or the account is disabled.");
            }

            // A bearer token only, never a browser cookie: a cookie set here could sign a victim's browser in as
            // the attacker (login CSRF). Browsers sign in through /signin, which has anti-forgery.
            return Results.Ok(session);
        }).AllowAnonymous().RequireRateLimiting(ApiRegistration.SignInRatePolicy);
        api.MapDelete("/sessions", async (HttpRequest request, HttpResponse response, AccountSessions sessions) =>
        {
            SessionCookies.Delete(response);
            await sessions.SignOutAsync(request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.OrdinalIgnoreCase).Trim());
            return Results.NoContent();
        }).RequireAuthorization(ScopeAuthorization.SignedInPolicy);

        api.MapGet("/accounts", async (int? offset, int? limit, IGrainFactory grains) => Page<AccountInfo>.From(await Registry(grains).List(), offset, limit)).RequireAuthorization(ApiScopes.Admin);
        api.MapPost("/accounts", async (HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<AccountRequest>(request);
            return problem ?? Answer(await Registry(grains).Create(body!.Username ?? string.Empty, body.Password ?? string.Empty, body.Roles ?? [], body.Groups ?? [], caller.Identity!.Name!));
        }).RequireAuthorization(ApiScopes.Admin);
        api.MapPut("/accounts/{username}/access", async (string username, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<AccessRequest>(request);
            return problem ?? Answer(await Registry(grains).SetAccess(username, body!.Roles ?? [], body.Groups ?? [], caller.Identity!.Name!));
        }).RequireAuthorization(ApiScopes.Admin);
    }

    private static IResult Answer(AccountResult result) => result.Errors.Count > 0 ? ApiProblems.Validation(result.Errors) : Results.Ok(result.Account);

    private static IAccountRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
}
