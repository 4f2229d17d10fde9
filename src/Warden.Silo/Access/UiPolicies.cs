using Microsoft.AspNetCore.Authorization;
using Warden.Abstractions.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>
/// Who may open the pages: the staff pages for every signed-in role (queue access itself follows groups, so an
/// operator sees the queue list and the links to the dashboard and metrics); queue administration for leads and
/// admins; bulk operations for admins.
/// </summary>
public static class UiPolicies
{
    public const string Reviewer = "reviewer-pages";
    public const string Lead = "lead-pages";
    public const string Admin = "admin-pages";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reviewer, policy => policy
            .AddAuthenticationSchemes(BearerAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(AccountRoles.Reviewer, AccountRoles.Lead, AccountRoles.Admin, AccountRoles.Operator));
        options.AddPolicy(Lead, policy => policy
            .AddAuthenticationSchemes(BearerAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(AccountRoles.Lead, AccountRoles.Admin));
        options.AddPolicy(Admin, policy => policy
            .AddAuthenticationSchemes(BearerAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireRole(AccountRoles.Admin));
    }
}
