using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Warden.Silo.Api;

/// <summary>
/// Route values taken from the request line as the client escaped it. Kestrel leaves <c>%2F</c> escaped in
/// the decoded path (so it cannot split a segment) but decodes <c>%25</c>, so <c>pin%3Aa%2Fb</c> bound as
/// the key <c>pin:a%2Fb</c>, and <c>a%2Fb</c> and <c>a%252Fb</c> read the same. Each single-segment
/// parameter is re-read here from its raw segment and unescaped once, so every key round-trips when a
/// client escapes it as one segment (<c>Uri.EscapeDataString</c>).
/// </summary>
public static class RawRouteValues
{
    public static IApplicationBuilder UseRawRouteValues(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // A re-executed error page keeps the original request line: its own path is not in it. A request line
        // without '%' decoded to itself, so only escaped ones are re-read (most requests, at no cost).
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern } && pattern.Parameters.Count > 0
            && context.Features.Get<IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } target
            && target.Contains('%', StringComparison.Ordinal))
        {
            Rebind(context.Request.RouteValues, pattern, target);
        }

        return next(context);
    });

    private static void Rebind(RouteValueDictionary values, RoutePattern pattern, string target)
    {
        var path = target.Split('?', 2)[0];
        var raw = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (raw.Length != pattern.PathSegments.Count)
        {
            return; // an optional or catch-all parameter: the decoded values stand
        }

        for (var i = 0; i < raw.Length; i++)
        {
            if (pattern.PathSegments[i].Parts is [RoutePatternParameterPart { IsCatchAll: false } parameter])
            {
                values[parameter.Name] = Uri.UnescapeDataString(raw[i]);
            }
        }
    }
}
