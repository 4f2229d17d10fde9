using Microsoft.Playwright;

namespace Warden.Testing;

/// <summary>Debian's Chromium driven by Playwright, headless, with the flags this machine's closed network needs; a fresh context per test.</summary>
public static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string Screenshot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
}
