using System.Security.Claims;
using Warden.Abstractions.Access;
using Warden.Abstractions.Policies;

namespace Warden.Silo.Api;

/// <summary><c>/api/v1</c> the policy catalog: entity types, policies, enforcements, sources and surfaces, versioned.</summary>
public static class CatalogApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/catalog", async (IGrainFactory grains) => Results.Ok(await Catalog(grains).Get())).RequireAuthorization(ApiScopes.EnforcementRead);
        api.MapGet("/catalog/surfaces", async (int? offset, int? limit, IGrainFactory grains) =>
            Page<SurfaceDefinition>.From((await Catalog(grains).Get()).Surfaces, offset, limit)).RequireAuthorization(ApiScopes.EnforcementRead);
        api.MapPut("/catalog", async (int? expectedVersion, HttpRequest request, ClaimsPrincipal caller, IGrainFactory grains) =>
        {
            var (catalog, problem) = await ApiJson.ReadAsync<PolicyCatalog>(request);
            if (problem is not null)
            {
                return problem;
            }

            var result = await Catalog(grains).Update(catalog!, expectedVersion ?? 0, caller.Identity!.Name!);
            return result.Accepted ? Results.Ok(result) : ApiProblems.Refused(result.Errors);
        }).RequireAuthorization(ApiScopes.Admin);
    }

    private static IPolicyCatalogGrain Catalog(IGrainFactory grains) => grains.GetGrain<IPolicyCatalogGrain>(IPolicyCatalogGrain.DefaultKey);
}
