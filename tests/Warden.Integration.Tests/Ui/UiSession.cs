using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Testing;

namespace Warden.Integration.Tests.Ui;

/// <summary>
/// One Chromium for a test, and a page per signed-in person (each in its own context, so cookies stay
/// apart), each recording dialogs, requests that leave the host, and console errors.
/// </summary>
public sealed class UiSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly LoopbackSilo _silo;

    private UiSession(IPlaywright playwright, IBrowser browser, LoopbackSilo silo) => (_playwright, _browser, _silo) = (playwright, browser, silo);

    public List<string> Dialogs { get; } = [];

    public List<string> OffHostRequests { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<UiSession> OpenAsync(LoopbackSilo silo)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        return new UiSession(playwright, browser, silo);
    }

    /// <summary>Creates the account (every account here has the same passphrase) and signs it in on a fresh page.</summary>
    public async Task<IPage> SignInAsync(string username, string[] roles, string[] groups)
    {
        var password = "a violet kettle under the stairs";
        var grains = _silo.App.Services.GetRequiredService<IGrainFactory>();
        (await grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey).Create(username, password, roles, groups, "test")).Errors.Should().BeEmpty();
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _silo.Http.BaseAddress!.ToString() });
        var host = _silo.Http.BaseAddress.ToString();
        page.Dialog += async (_, dialog) => { Dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                OffHostRequests.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queues");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Chromium.Screenshot(name))!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot(name), FullPage = true });
    }

    /// <summary>Nothing ran, left the host or failed in any page of this session, beyond the refusals the test provoked.</summary>
    public void ShouldBeClean(params int[] provokedStatuses)
    {
        Dialogs.Should().BeEmpty("content is shown as text, never run");
        OffHostRequests.Should().BeEmpty("pages load nothing from elsewhere");
        ConsoleErrors.Where(e => !provokedStatuses.Any(status => e.Contains($"status of {status} ", StringComparison.Ordinal))).Should().BeEmpty();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
