namespace Warden.Silo.Ui;

/// <summary>
/// A reviewer's switch that shows the shipped kitten instead of every reviewed image, for screenshots and
/// bug reports. It lives in a cookie of the reviewer's own browser, so it follows them from page to page.
/// </summary>
public static class KittyMode
{
    public const string Cookie = "warden_kitty";
    public const string Picture = "/img/kitten.svg";

    public static bool IsOn(HttpRequest request) => request.Cookies[Cookie] == "on";

    public static void Set(HttpResponse response, bool on) =>
        response.Cookies.Append(Cookie, on ? "on" : "off", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
}
