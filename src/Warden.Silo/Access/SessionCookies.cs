using Warden.Abstractions.Access;
using Warden.Silo.Api;

namespace Warden.Silo.Access;

/// <summary>The session cookie browsers carry: HttpOnly, SameSite=Strict, Secure on HTTPS, ending with the session.</summary>
public static class SessionCookies
{
    public static void Append(HttpResponse response, SignInResult session) =>
        response.Cookies.Append(BearerAuthentication.SessionCookie, session.Token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Expires = session.ExpiresAt,
            Path = "/",
        });

    public static void Delete(HttpResponse response) => response.Cookies.Delete(BearerAuthentication.SessionCookie);
}
