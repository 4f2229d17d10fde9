using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Warden.Core.Access;

namespace Warden.Silo.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer wdn_…</c> (or <c>X-Api-Key</c>) against the stored hash; the
/// key's scopes become <c>scope</c> claims and its name the caller's identity (<c>key:&lt;name&gt;</c>).
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "scope";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Headers["X-Api-Key"].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (ApiKeySecrets.Parse(presented) is not var (id, secret))
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var stored = await keys.FindAsync(id);
        if (stored is null || stored.Info.RevokedAt is not null || !ApiKeySecrets.Matches(secret, stored.SecretHash))
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, "key:" + stored.Info.Name), new(KeyIdClaim, stored.Info.Id) };
        claims.AddRange(stored.Info.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties) =>
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "API key required",
            "Send a key as 'Authorization: Bearer wdn_…' or 'X-Api-Key'; a revoked or unknown key is refused.");
}
