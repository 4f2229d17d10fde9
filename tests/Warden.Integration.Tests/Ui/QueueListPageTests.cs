using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>Sign-in and the queue list in a real browser: only permitted queues, live numbers, hostile names shown as text.</summary>
[Collection(PostgresCollection.Name)]
public sealed class QueueListPageTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_reviewer_signs_in_and_sees_only_permitted_queues_with_numbers_that_refresh()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_queues"), "ui-queues");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var accounts = grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
        (await accounts.Create("ann", "a kettle that whistles", [AccountRoles.Reviewer], ["spam-reviewers"], "test")).Errors.Should().BeEmpty();
        var spam = await SaveAsync(grains, Sample("spam") with { Name = "Spam <img src=x onerror=alert(1)>" });
        await SaveAsync(grains, Sample("adult-content"));
        await spam.Enqueue(Job("ui:1", "pin:1"));

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = silo.Http.BaseAddress!.ToString() });
        var dialogs = 0;
        var offHost = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(silo.Http.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                offHost.Add(request.Url);
            }
        };

        await page.GotoAsync("/queues");
        page.Url.Should().Contain("/signin?returnUrl=%2Fqueues");
        await page.FillAsync("input[name=username]", "ann");
        await page.FillAsync("input[name=password]", "wrong password!!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("username or password is wrong");
        await page.FillAsync("input[name=password]", "a kettle that whistles");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/queues");
        var rows = page.Locator("#queues tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync("Spam <img src=x onerror=alert(1)>");
        await Assertions.Expect(rows.First.Locator("[data-field=depth]")).ToHaveTextAsync("1");

        await spam.Enqueue(Job("ui:2", "pin:2"));
        await Assertions.Expect(rows.First.Locator("[data-field=depth]")).ToHaveTextAsync("2", new() { Timeout = 15_000 });
        Directory.CreateDirectory(Path.GetDirectoryName(Chromium.Screenshot("queue-list"))!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("queue-list"), FullPage = true });

        dialogs.Should().Be(0, "the queue name is shown as text, not run");
        offHost.Should().BeEmpty();
        File.Exists(Chromium.Screenshot("queue-list")).Should().BeTrue();

        await page.ClickAsync("text=Sign out");
        await page.WaitForURLAsync("**/signin");
        await page.GotoAsync("/queues");
        page.Url.Should().Contain("/signin");
    }
}
