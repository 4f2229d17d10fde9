using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Warden.Abstractions.Access;
using Warden.Core.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>
/// Authenticates bearer tokens of both kinds: API keys (<c>Authorization: Bearer wdn_…</c> or <c>X-Api-Key</c>,
/// checked against the stored hash; the key's scopes become <c>scope</c> claims and its name the caller's
/// identity, <c>key:&lt;name&gt;</c>) and people's API sessions (<c>wds_…</c>, their roles' scopes).
/// </summary>
public sealed class BearerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys, AccountSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "key_id";
    public const string GroupClaim = "group";

    /// <summary>The session cookie a browser carries. Honoured only outside <c>/api</c>, so the API cannot be driven cross-site by it.</summary>
    public const string SessionCookie = "warden_session";

    /// <summary>Who a call is recorded as: <c>key:&lt;name&gt;</c> or <c>user:&lt;name&gt;</c>.</summary>
    public static string Actor(ClaimsPrincipal caller) => caller.Identity?.Name ?? "key:unknown";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Headers["X-Api-Key"].ToString();
        if (string.IsNullOrEmpty(presented) && !Request.Path.StartsWithSegments("/api") && Request.Cookies.TryGetValue(SessionCookie, out var cookie))
        {
            presented = cookie;
        }

        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (presented.StartsWith(AccountRules.SessionPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateSessionAsync(presented);
        }

        if (ApiKeySecrets.Parse(presented) is not var (id, secret))
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var caller = await keys.AuthenticateAsync(id, secret);
        return caller is null
            ? AuthenticateResult.Fail("unknown or revoked API key")
            : AuthenticateResult.Success(new AuthenticationTicket(caller, SchemeName));
    }

    /// <summary>The caller an API key proves: its name as identity, its id, its scopes. Shared by requests (never mutated).</summary>
    internal static ClaimsPrincipal CallerFor(ApiKeyInfo key)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "key:" + key.Name), new(KeyIdClaim, key.Id) };
        claims.AddRange(key.Scopes.Select(s => new Claim(ScopeClaim, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    /// <summary>A person's session: their roles become scopes and roles, their groups <c>group</c> claims.</summary>
    private async Task<AuthenticateResult> AuthenticateSessionAsync(string token)
    {
        var account = await sessions.ResolveAsync(token);
        if (account is null)
        {
            return AuthenticateResult.Fail("unknown or expired session");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, "user:" + account.Username), new(KeyIdClaim, "user:" + account.Username) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(account.Roles.SelectMany(AccountRoles.Scopes).Distinct().Select(s => new Claim(ScopeClaim, s)));
        claims.AddRange(account.Groups.Select(g => new Claim(GroupClaim, g)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!Request.Path.StartsWithSegments("/api") && !Request.Path.StartsWithSegments("/ui"))
        {
            // A person in a browser: to the sign-in page, and back here afterwards.
            Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
            return;
        }

        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key required",
            "Send an API key as 'Authorization: Bearer wdn_…' or 'X-Api-Key', or a session token from POST /api/v1/sessions as 'Authorization: Bearer wds_…'; revoked keys and expired sessions are refused.");
    }
}
