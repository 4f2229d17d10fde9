using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Scoring;
using Warden.Integration.Tests.Infrastructure;
using Warden.Testing;
using static Warden.Integration.Tests.Reviews.ReviewFixtures;

namespace Warden.Integration.Tests.Ui;

/// <summary>The review page in a real browser: keyboard-only decisions, mandatory labels, veiled media, kitty mode, pass, escalate, leases.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReviewPageTests(PostgresFixture postgres)
{
    private static readonly string[] Reviewer = [AccountRoles.Reviewer];

    [Fact]
    public async Task A_reviewer_decides_with_hotkeys_only_and_the_next_job_appears()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_review"), "ui-review");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam"));
        await ReviewContent.StoreAsync(silo, "pin:r1", "Get FR33 M0NEY now, or free stuff!", keyword: "free money");
        var first = await spam.Enqueue(Job("ui:r1", "pin:r1", owner: "user:o1", priority: 1));
        var second = await spam.Enqueue(Job("ui:r2", "pin:r2"));
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("rita", Reviewer, ["spam-reviewers"]);

        await page.ClickAsync("#queues a");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(first.JobId!);
        await Assertions.Expect(page.Locator(".widget-text mark")).ToHaveTextAsync("FR33 M0NEY");
        await Assertions.Expect(page.Locator(".widget-image img")).ToHaveAttributeAsync("alt", "offer.png");
        (await page.EvaluateAsync<bool>("() => document.querySelector('.widget-image img').complete && document.querySelector('.widget-image img').naturalWidth > 0"))
            .Should().BeTrue("the image is served from the stored bytes");
        await UiSession.ScreenshotAsync(page, "review-page");

        await page.Keyboard.PressAsync("r");
        await page.Keyboard.PressAsync("s");
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(second.JobId!);
        var decided = await grains.GetGrain<IReviewJobGrain>(first.JobId!).GetDetails();
        decided.Status.Should().Be(JobStatus.Decided);
        decided.Final!.Reviewer.Should().Be("user:rita");
        decided.Final.Actions.Should().Equal(new ObjectAction("item", "remove"));
        decided.Final.Policies.Should().Equal("spam");
        decided.Final.Labels.Should().Equal("commercial spam");
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task Mandatory_labels_veiled_media_and_kitty_mode()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_adult"), "ui-adult");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var adult = await SaveAsync(grains, Sample("adult-content") with { MultiReview = new MultiReviewConfig() });
        await ReviewContent.StoreAsync(silo, "pin:a1", "look");
        var job = await adult.Enqueue(Job("ui:a1", "pin:a1"));
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("ada", Reviewer, ["adult-reviewers"]);
        await page.GotoAsync("/review/adult-content");

        var figure = page.Locator(".widget-image figure");
        await Assertions.Expect(figure).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("veiled"));
        (await Filter(page)).Should().Contain("blur").And.Contain("grayscale");
        await figure.ClickAsync();
        (await Filter(page)).Should().Be("none");
        await page.Keyboard.PressAsync(".");
        (await Filter(page)).Should().Contain("blur");

        await page.Keyboard.PressAsync("r");
        await page.Keyboard.PressAsync("p");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose the mandatory label explicit before submitting.");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(job.JobId!);

        await page.ClickAsync("#kitty");
        await Assertions.Expect(page.Locator("#kitty")).ToHaveTextAsync("Kitty mode: on");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(job.JobId!, new() { Timeout = 5000 });
        await Assertions.Expect(page.Locator(".widget-image img")).ToHaveAttributeAsync("src", "/img/kitten.svg");
        await UiSession.ScreenshotAsync(page, "review-page-kitty");

        await page.Keyboard.PressAsync("r");
        await page.Keyboard.PressAsync("p");
        await page.Keyboard.PressAsync("e");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#queue-empty")).ToBeVisibleAsync();
        (await grains.GetGrain<IReviewJobGrain>(job.JobId!).GetDetails()).Final!.Labels.Should().Equal("explicit");
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task Pass_and_escalate_carry_a_reason_and_move_the_job()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_moves"), "ui-moves");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam"));
        await SaveAsync(grains, Sample("adult-content"));
        await SaveAsync(grains, Sample("escalations"));
        var passed = await spam.Enqueue(Job("ui:m1", "pin:m1", priority: 1));
        var escalated = await spam.Enqueue(Job("ui:m2", "pin:m2"));
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("max", Reviewer, ["spam-reviewers"]);
        await page.GotoAsync("/review/spam-en");

        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(passed.JobId!);
        await page.Keyboard.PressAsync(">");
        await page.Keyboard.TypeAsync("nudity, not spam");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(escalated.JobId!);
        await page.Keyboard.PressAsync("!");
        await page.Keyboard.TypeAsync("looks like a coordinated campaign");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#queue-empty")).ToBeVisibleAsync();

        var moved = await grains.GetGrain<IReviewJobGrain>(passed.JobId!).GetDetails();
        moved.Queue.Should().Be("adult-content");
        moved.History.Should().Contain(e => e.Kind == "passed" && e.Detail!.Contains("nudity, not spam") && e.Actor == "user:max");
        var raised = await grains.GetGrain<IReviewJobGrain>(escalated.JobId!).GetDetails();
        raised.Queue.Should().Be("escalations");
        raised.History.Should().Contain(e => e.Kind == "escalated" && e.Detail!.Contains("coordinated campaign"));

        // The empty queue's page picks up the next job by itself.
        var later = await spam.Enqueue(Job("ui:m3", "pin:m3"));
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(later.JobId!, new() { Timeout = 15_000 });
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task The_lease_is_renewed_while_the_page_is_open_and_released_on_leaving()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_lease"), "ui-lease");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam") with { LeaseDuration = TimeSpan.FromSeconds(3) });
        var job = await spam.Enqueue(Job("ui:l1", "pin:l1"));
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("lee", Reviewer, ["spam-reviewers"]);
        await page.GotoAsync("/review/spam-en");
        await Assertions.Expect(page.Locator("#job-link")).ToHaveTextAsync(job.JobId!);

        // Three renewals span three seconds at one per second: the lease outlives its own duration.
        for (var i = 0; i < 3; i++)
        {
            await page.WaitForResponseAsync(r => r.Url.Contains("handler=Renew") && r.Status == 204, new() { Timeout = 10_000 });
        }

        (await spam.GetMetrics()).Leased.Should().Be(1);
        await page.GotoAsync("/queues");
        await Eventually.Succeeds(() => spam.GetMetrics(), m => m.Leased == 0 && m.Depth == 1, TimeSpan.FromSeconds(10), "the lease released on leaving");
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task A_reviewer_puts_a_job_on_hold_and_a_lead_takes_it_over_from_the_queue_view()
    {
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_hold"), "ui-hold");
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam"));
        var job = await spam.Enqueue(Job("ui:h1", "pin:h1"));
        await using var ui = await UiSession.OpenAsync(silo);
        var reviewer = await ui.SignInAsync("hal", Reviewer, ["spam-reviewers"]);
        await reviewer.GotoAsync("/review/spam-en");
        await reviewer.FillAsync("#hold input[name=reason]", "is this a scam or a real charity?");
        await reviewer.ClickAsync("#hold button");
        await Assertions.Expect(reviewer.Locator("#queue-empty")).ToBeVisibleAsync();
        (await spam.GetMetrics()).OnHold.Should().Be(1);
        (await spam.GetHeld()).Single().Reviewer.Should().Be("user:hal");

        var lead = await ui.SignInAsync("liv", [AccountRoles.Lead], ["spam-reviewers"]);
        await Assertions.Expect(lead.Locator("[data-field=held]")).ToHaveTextAsync("1");
        await Assertions.Expect(lead.Locator("#held")).ToContainTextAsync("is this a scam or a real charity?");
        await lead.ClickAsync("#held button");
        await Assertions.Expect(lead.Locator("#job-link")).ToHaveTextAsync(job.JobId!);
        foreach (var key in new[] { "r", "s", "2", "Enter" })
        {
            await lead.Keyboard.PressAsync(key);
        }

        await Assertions.Expect(lead.Locator("#queue-empty")).ToBeVisibleAsync();
        var details = await grains.GetGrain<IReviewJobGrain>(job.JobId!).GetDetails();
        details.Final!.Reviewer.Should().Be("user:liv");
        details.History.Select(h => h.Kind).Should().Contain(["held", "taken-over"]);
        (await spam.GetMetrics()).OnHold.Should().Be(0);
        ui.ShouldBeClean();
    }

    [Fact]
    public async Task An_image_the_model_finds_adult_is_blurred_in_a_queue_that_does_not_blur_and_its_class_probabilities_shown()
    {
        var settings = new Dictionary<string, string?> { ["Warden:Scoring:ImageModel"] = TrainedModels.NsfwModelPath };
        await using var silo = await LoopbackSilo.StartAsync(await postgres.CreateDatabaseAsync("ui_image_model"), "ui-image-model", settings: settings);
        var grains = silo.App.Services.GetRequiredService<IGrainFactory>();
        var spam = await SaveAsync(grains, Sample("spam"));
        (await spam.GetConfig())!.BlurMedia.Should().BeFalse("the point is a queue that does not blur by default");
        using var photo = TestImages.PhotoLike(7, 800, 600);
        using var drawing = TestImages.Drawing(9);
        var submitted = await grains.Content("pin:m1", "k").Submit(new ContentSubmission
        {
            IdempotencyKey = "k",
            Text = "new look",
            Images = [new(TestImages.Encode(drawing), "drawing.png"), new(TestImages.Encode(photo, SkiaSharp.SKEncodedImageFormat.Jpeg, 90), "photo.jpg")],
            Actor = "svc:test",
        });
        submitted.Errors.Should().BeEmpty();
        var probabilities = submitted.Content!.Verdict!.ImageScores;
        await spam.Enqueue(Job("ui:m1", "pin:m1"));
        await using var ui = await UiSession.OpenAsync(silo);
        var page = await ui.SignInAsync("mia", Reviewer, ["spam-reviewers"]);
        await page.GotoAsync("/review/spam-en");

        var figures = page.Locator(".widget-image figure");
        await Assertions.Expect(figures).ToHaveCountAsync(2);
        await Assertions.Expect(figures.Nth(0)).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("veiled"));
        await Assertions.Expect(figures.Nth(1)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("veiled sensitive"));
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelectorAll('.widget-image img')[1]).filter")).Should().Contain("blur");
        await Assertions.Expect(figures.Nth(1).Locator("figcaption")).ToContainTextAsync("the image model finds it adult");

        var table = page.Locator(".widget-scores table.image-scores");
        await Assertions.Expect(table.Locator("tr").First).ToHaveTextAsync("imageDrawingHentaiNeutralPornSexy");
        await Assertions.Expect(table.Locator("tr[data-image='1'] td").Nth(3)).ToHaveTextAsync(probabilities[1].Of("Porn").ToString("0.000"));
        await Assertions.Expect(table.Locator("tr[data-image='1'] th")).ToHaveTextAsync("photo.jpg");
        await UiSession.ScreenshotAsync(page, "review-page-image-model");
        ui.ShouldBeClean();
    }

    private static Task<string> Filter(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.widget-image img')).filter");
}
