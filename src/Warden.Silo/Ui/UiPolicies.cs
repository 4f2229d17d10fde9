using Microsoft.AspNetCore.Authorization;
using Warden.Abstractions.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Ui;

/// <summary>Who may open the reviewer pages: anyone signed in who reviews, leads or administers.</summary>
public static class UiPolicies
{
    public const string Reviewer = "reviewer-pages";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(Reviewer, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(AccountRoles.Reviewer, AccountRoles.Lead, AccountRoles.Admin));
}
