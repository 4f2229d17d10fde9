using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Api;

/// <summary>Wires the HTTP facade: API-key authentication, scope policies, problem answers, body limits and per-key rate limits.</summary>
public static class ApiRegistration
{
    public const string RatePolicy = "per-key";

    /// <summary>Sign-in attempts per client address: each costs a password hash, so guessing is bounded per address.</summary>
    public const string SignInRatePolicy = "sign-in";

    public static WebApplicationBuilder AddWardenApi(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ApiSettings.SectionName).Get<ApiSettings>() ?? new ApiSettings();
        builder.Services.Configure<ApiSettings>(builder.Configuration.GetSection(ApiSettings.SectionName));
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(OpenApiDocumentName, ApiDocument.Configure);
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<ArgumentExceptionHandler>();
        builder.Services.AddExceptionHandler<BindingExceptionHandler>();
        // Binding failures reach BindingExceptionHandler, which names the parameter, instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o =>
        {
            ScopeAuthorization.AddPolicies(o);
            UiPolicies.Add(o);
        });
        // The pages live in this assembly, whichever program hosts it (the silo, a test host).
        builder.Services.AddRazorPages().AddApplicationPart(typeof(ApiRegistration).Assembly);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeAuthorization>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(BearerAuthentication.KeyIdClaim)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(SignInRatePolicy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions { PermitLimit = settings.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var signIn = rejected.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == SignInRatePolicy;
                await ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", signIn
                    ? $"This address may try {settings.SignInsPerMinute} sign-ins a minute; retry after {retryAfter.TotalSeconds:F0} s."
                    : $"This API key may make {settings.RequestsPerMinute} requests a minute; retry after {retryAfter.TotalSeconds:F0} s.");
            };
        });
        return builder;
    }

    /// <summary>The OpenAPI document's name: it is served at <c>/api/v1/openapi.json</c>.</summary>
    public const string OpenApiDocumentName = "v1";

    public static WebApplication MapWardenApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWardenSecurityHeaders();
        app.UseWhen(context => IsPage(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRouting(); // after the status code pages, so a re-executed request is routed to the error page
        app.UseRawRouteValues();
        // Scripts, styles and images ship inside the assembly: the same files in any host, never from elsewhere.
        // Pages link them with asp-append-version (a hash of the content), so browsers may keep them a day
        // without asking again: a reviewer's next job then costs no round trips for assets.
        var assets = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(ApiRegistration).Assembly, "Warden.Silo.wwwroot");
        app.Environment.WebRootFileProvider = assets;
        // Only asset paths look for a file: every other request would cost a resource lookup that cannot succeed.
        app.UseWhen(context => IsAsset(context.Request.Path), files => files.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = assets,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "private, max-age=86400",
        }));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // Generated from the endpoints themselves, so it cannot drift from them; readable without a key.
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RatePolicy);
        LabelApi.Map(api);
        QueueApi.Map(api);
        ScoringApi.Map(api);
        AccountApi.Map(api);
        JobApi.Map(api);
        DecisionApi.Map(api);
        CatalogApi.Map(api);
        AppealApi.Map(api);
        BulkApi.Map(api);
        QualityApi.Map(api);
        StreamApi.Map(api);
        app.MapRazorPages();
        app.MapGet("/favicon.ico", () => Results.Redirect("/img/favicon.svg")).AllowAnonymous();
        app.MapWardenUi();
        return app;
    }

    /// <summary>The folders of <c>wwwroot</c>, embedded in this assembly.</summary>
    internal static bool IsAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/img");

    /// <summary>Paths a person opens in the browser: error statuses there get a page, machine paths keep their bodies.</summary>
    internal static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/ui") && !path.StartsWithSegments("/metrics")
        && !path.StartsWithSegments("/dashboard") && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/readyz");
}
