using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Warden.Silo.Api;
using Warden.Silo.Ui;
using Warden.Silo.Access;

namespace Warden.Silo.Pages;

/// <summary>Signs a person in against the account registry; the session travels as the HttpOnly cookie. Forms carry anti-forgery tokens.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ApiRegistration.SignInRatePolicy)]
public sealed class SignInModel(AccountSessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Username { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Why a locked name is refused, shown instead of the usual message.</summary>
    public string? LockedMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? username, string? password)
    {
        Username = username;
        var attempt = await sessions.SignInAsync(username, password);
        if (attempt.Session is not { } session)
        {
            Failed = true;
            LockedMessage = attempt.LockedFor is null ? null : attempt.LockedMessage;
            Response.StatusCode = attempt.LockedFor is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status429TooManyRequests;
            return Page();
        }

        SessionCookies.Append(Response, session);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/queues");
    }
}
