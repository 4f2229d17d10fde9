using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Silo.Api;
using Warden.Silo.Ui;

namespace Warden.Silo.Pages;

/// <summary>Signs a person in against the account registry; the session travels as the HttpOnly cookie. Forms carry anti-forgery tokens.</summary>
[AllowAnonymous]
public sealed class SignInModel(AccountSessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Username { get; private set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password)
    {
        Username = username;
        var session = await sessions.SignInAsync(username, password);
        if (session is null)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        SessionCookies.Append(Response, session);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/queues");
    }
}
