namespace Warden.Silo.Hosting;

/// <summary>
/// <c>GET /bare</c> (when <see cref="HostSettings.BareEndpoint"/> is on): a constant answer ahead of the whole
/// pipeline — no routing, authentication, rate limits or security headers — so the HTTP ceiling of the host
/// can be measured beside the API's own figures. <c>/healthz</c> cannot serve as that ceiling: it runs the pipeline.
/// </summary>
public static class BareEndpoint
{
    public const string Path = "/bare";

    private static readonly byte[] Body = "ok"u8.ToArray();

    public static void UseBareEndpoint(this WebApplication app, HostSettings settings)
    {
        if (!settings.BareEndpoint)
        {
            return;
        }

        app.Use(next => context =>
        {
            if (!context.Request.Path.Equals(Path, StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
            {
                return next(context);
            }

            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = Body.Length;
            return context.Response.Body.WriteAsync(Body).AsTask();
        });
    }
}
