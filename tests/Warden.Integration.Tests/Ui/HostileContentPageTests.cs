using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Reviews;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>Content under review is hostile: the Big List of Naughty Strings and script payloads must render as text, run nothing and fetch nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileContentPageTests(PostgresFixture postgres)
{
    private const string Payloads = "<script>alert('text')</script> <img src=x onerror=alert('img')> <svg onload=alert('svg')> "
        + "javascript:alert('link') https://evil.example/track.png \"><iframe src=https://evil.example></iframe>";

    [Fact]
    public async Task Naughty_strings_and_script_payloads_render_as_text_on_every_page()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_hostile"), "ui-hostile");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam") with { Name = "Spam \"><script>alert('queue')</script>" });

        // PostgreSQL text cannot hold U+0000; every other string of the list goes in as it is.
        var naughty = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(Path.Combine(Warden.Scoring.ScoringAssets.Locate(), "blns", "resources", "blns.json")))!
            .Where(s => !s.Contains('\0'))
            .ToList();
        var text = Payloads + "\n" + string.Join("\n", naughty);
        await ReviewContent.StoreAsync(silo, "pin:h1", text, keyword: "alert", imageName: "\"><img src=x onerror=alert('name')>");
        var job = await spam.Enqueue(Job("ui:h1", "pin:h1", owner: "user:h2") with
        {
            Reports = [new JobReport("user:9", "spam", Payloads, DateTimeOffset.UtcNow)],
            Scores = [new JobScore("spam-model", 0.9, Payloads)],
        });
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("hana", [AccountRoles.Reviewer], ["spam-reviewers"]);

        await page.GotoAsync("/review/spam-en");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(job.JobId!);
        var shown = await page.Locator(".widget-text pre").TextContentAsync();
        shown.Should().Be(text.Replace("\r\n", "\n").Replace('\r', '\n'), "the browser normalises line ends; nothing else changes");
        (await page.Locator(".widget-reports li p").TextContentAsync()).Should().Be(Payloads);
        await Assertions.Expect(page.Locator(".widget-scores td").Last).ToHaveTextAsync(Payloads);
        await Assertions.Expect(page.Locator(".widget-image img")).ToHaveAttributeAsync("alt", "\"><img src=x onerror=alert('name')>");
        (await page.Locator("main script, main iframe, main svg").CountAsync()).Should().Be(0, "no payload became an element");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Spam \"><script>alert('queue')</script>");

        await page.GotoAsync($"/jobs/{job.JobId}");
        await page.GotoAsync("/entities/pin:h1");
        await page.GotoAsync("/queues");
        ui.ShouldBeClean();
    }
}
