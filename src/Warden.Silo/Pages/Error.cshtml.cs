using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Warden.Silo.Pages;

/// <summary>What a person sees instead of a bare status: 403, 404 and the rest, in words, with the way back.</summary>
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Message => Code switch
    {
        403 => "Your account may not open this page. Queues are opened to reviewer groups by their leads.",
        404 => "There is nothing here: the queue, job or page does not exist.",
        400 => "That address is not valid.",
        _ => "Something went wrong on our side. The error has been logged.",
    };

    public void OnGet(int code) => Code = code;
}
