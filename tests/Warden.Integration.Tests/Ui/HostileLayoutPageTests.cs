using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using Warden.Silo.Ui;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>
/// Hostile content must not change how a page reads: long unbroken tokens wrap inside their box (no page
/// grows wider than the viewport), and right-to-left overrides in keys and names are shown, not obeyed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileLayoutPageTests(PostgresFixture postgres)
{
    private const string Override = "\u202E";
    private static readonly string Token = new('W', 2_000);

    [Fact]
    public async Task Long_tokens_wrap_and_right_to_left_overrides_are_shown_on_every_page()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_hostile_layout"), "ui-hostile-layout");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var config = Sample("spam") with
        {
            Name = $"Spam {Override}gnp.exe",
            Labels = [new QueueLabel($"scam {Override}gnp.exe", "1")],
            Template = [.. Sample("spam").Template, new TemplateWidget("enforcement", "item", "side")],
        };
        var spam = await SaveAsync(grains, config);
        var item = $"pin:{Override}gnp.exe";
        var label = new Label { Source = new LabelSource("spam-model", SourceKind.Automated, "v7"), Enforcement = "limit", Policy = "spam", CreatedAt = DateTimeOffset.UtcNow, Evidence = Token };
        (await grains.GetGrain<IEntityGrain>(item).WriteLabel(label, "test")).Outcome.Should().Be(LabelWriteOutcome.Added);
        await ReviewContent.StoreAsync(silo, item, Token + " " + Token, imageName: Token[..200] + ".png");
        var job = await spam.Enqueue(Job("ui:layout", item, owner: "user:" + Token[..200]) with
        {
            Reports = [new JobReport("user:9", "spam", Token, DateTimeOffset.UtcNow)],
            Scores = [new JobScore("spam-model", 0.9, Token)],
        });
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("hana", [AccountRoles.Lead], ["spam-reviewers"]);

        await page.GotoAsync("/review/spam-en");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(job.JobId!);
        await ShouldFitTheViewportAsync(page, "review page");
        await ShouldShowTheOverrideAsync(page.Locator("h1"), "Spam ", "the queue's name");
        await ShouldShowTheOverrideAsync(page.Locator("[data-group=labels] label").First, "scam ", "a label's name");
        await ShouldShowTheOverrideAsync(page.Locator("[data-object=item] legend"), "item · pin:", "the entity key");

        await page.GotoAsync($"/jobs/{Uri.EscapeDataString(job.JobId!)}");
        await ShouldFitTheViewportAsync(page, "job page");

        await page.GotoAsync(EntityLinks.Page(item));
        await Assertions.Expect(page.Locator("#labels td").Last).ToHaveTextAsync(Token);
        await ShouldFitTheViewportAsync(page, "entity page");
        await ShouldShowTheOverrideAsync(page.Locator("h1"), "pin:", "the entity key");

        await page.GotoAsync("/queues");
        await ShouldFitTheViewportAsync(page, "queue list");
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task An_admin_outside_a_queues_groups_gets_a_refusal_page_not_an_error()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_admin_review"), "ui-admin-review");
        await SaveAsync(silo.App.Services.GetRequiredService<IGrainFactory>(), Sample("spam"));
        await using var ui = await UiSession.OpenAsync(silo);
        var admin = await ui.SignInAsync("ada", [AccountRoles.Admin], []);

        (await admin.GotoAsync("/review/spam-en"))!.Status.Should().Be(403, "admins administer queues; reviewing needs one of the queue's groups");
        await Assertions.Expect(admin.Locator("#error-message")).ToContainTextAsync("may not");
        (await admin.GotoAsync("/admin/queues"))!.Status.Should().Be(200);
        ui.ShouldBeClean(provokedStatuses: [403]);
    }

    /// <summary>The page is no wider than the window, and no box's content spills past its edge.</summary>
    private static async Task ShouldFitTheViewportAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], $"the {what} must not grow wider than the window");
        var spilling = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.widget, .panel, td, li, h1, h2, p')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + '.' + e.className + ': ' + e.scrollWidth + ' > ' + e.clientWidth)");
        spilling.Should().BeEmpty($"nothing on the {what} spills out of its box");
    }

    /// <summary>The override reads as a visible code, isolated, so the text after it keeps its order.</summary>
    private static async Task ShouldShowTheOverrideAsync(ILocator shown, string before, string what)
    {
        var text = await shown.InnerTextAsync();
        text.Should().Contain(before + "U+202Egnp.exe", $"{what} shows the override as a code and keeps the order of what follows");
        text.Should().NotContain(Override, $"{what} never hands the override to the browser's bidi algorithm");
    }
}
