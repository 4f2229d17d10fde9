using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Warden.Abstractions.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>One policy per scope (the <c>admin</c> scope passes them all), and 403 answers that name the missing scope.</summary>
public sealed class ScopeAuthorization : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    /// <summary>The Orleans dashboard and metrics: people with the operator or admin role.</summary>
    public const string OperatorPolicy = "operator-role";

    /// <summary>Any caller with a valid key or session, whatever its scopes (ending one's own session).</summary>
    public const string SignedInPolicy = "signed-in";

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(OperatorPolicy, policy => policy
            .AddAuthenticationSchemes(BearerAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(AccountRoles.Operator) || c.User.IsInRole(AccountRoles.Admin)
                || c.User.HasClaim(BearerAuthentication.ScopeClaim, ApiScopes.Admin)));
        options.AddPolicy(SignedInPolicy, policy => policy.AddAuthenticationSchemes(BearerAuthentication.SchemeName).RequireAuthenticatedUser());
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(BearerAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.HasClaim(BearerAuthentication.ScopeClaim, scope) || c.User.HasClaim(BearerAuthentication.ScopeClaim, ApiScopes.Admin)));
        }
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var scope = context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>()?.Policy;
            if (scope is UiPolicies.Reviewer or UiPolicies.Lead or UiPolicies.Admin)
            {
                // A page gets the error page (status code pages); the pages' JSON gets a problem.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                if (!ApiRegistration.IsPage(context.Request.Path))
                {
                    await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed", $"This needs the '{scope}' policy's roles.");
                }

                return;
            }

            if (scope == OperatorPolicy)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Operators only", "The dashboard and metrics are for people with the operator or admin role, and for admin keys.");
                return;
            }

            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Missing scope",
                $"This call needs the '{scope}' scope, which this API key does not have.", new Dictionary<string, object?> { ["missingScope"] = scope });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
