using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Silo.Api;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages;

/// <summary>Ends the session (a POST with an anti-forgery token, so another site cannot sign a reviewer out).</summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/signin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Request.Cookies.TryGetValue(BearerAuthentication.SessionCookie, out var token))
        {
            await sessions.SignOutAsync(token);
        }

        SessionCookies.Delete(Response);
        return Redirect("/signin");
    }
}
