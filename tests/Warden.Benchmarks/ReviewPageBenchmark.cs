using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Warden.Abstractions.Access;
using Warden.Abstractions.Queues;
using Warden.Abstractions.Reviews;
using Warden.Core.Queues;
using Warden.Testing;

namespace Warden.Benchmarks;

/// <summary>
/// The reviewer's tempo, measured in the browser (Debian's Chromium): from the Enter key-down that submits a
/// decision to the first frame painted of the next job's page. Each run decides 50 jobs with hotkeys only.
/// </summary>
public static class ReviewPageBenchmark
{
    public const int Decisions = 50;

    /// <param name="DecidePostMs">Median of the decision's POST up to its redirect (the decision recorded).</param>
    /// <param name="NextPageServerMs">Median of the next page's request to its first byte (lease, job details, render).</param>
    /// <param name="PaintMs">Median from the next page's last byte to its first painted frame.</param>
    public sealed record Result(int Runs, int Decisions, double MedianMs, double P90Ms, IReadOnlyList<double> RunMediansMs, double DecidePostMs, double NextPageServerMs, double PaintMs);

    // Stamps Enter in the page that submits, and the first frame after the next page's DOM is ready.
    private const string Stopwatch = """
        addEventListener('keydown', e => { if (e.key === 'Enter') sessionStorage.setItem('pressed', String(performance.timeOrigin + performance.now())); }, true);
        addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => setTimeout(() => {
          const pressed = Number(sessionStorage.getItem('pressed'));
          if (!pressed) return;
          sessionStorage.removeItem('pressed');
          const tempo = JSON.parse(sessionStorage.getItem('tempo') || '[]');
          tempo.push(performance.timeOrigin + performance.now() - pressed);
          sessionStorage.setItem('tempo', JSON.stringify(tempo));
          const nav = performance.getEntriesByType('navigation')[0];
          const parts = JSON.parse(sessionStorage.getItem('parts') || '[]');
          parts.push([nav.redirectEnd - nav.redirectStart, nav.responseStart - nav.requestStart, performance.now() - nav.responseEnd]);
          sessionStorage.setItem('parts', JSON.stringify(parts));
        }, 0)));
        """;

    public static async Task<Result> RunAsync(BenchmarkCluster cluster, int runs)
    {
        var grains = cluster.Silo.App.Services.GetRequiredService<IGrainFactory>();
        var (sample, _) = QueueConfigJson.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "queues", "spam.json")));
        var queue = grains.GetGrain<IQueueGrain>("bench-review-page");
        await queue.SaveConfig(sample! with { Id = "bench-review-page", ReviewerGroups = ["bench-reviewers"], PassTo = [], EscalationQueue = null }, 0, "bench");
        var jobs = runs * Decisions + 1;
        for (var i = 0; i < jobs; i++)
        {
            var entity = $"pin:bench-page-{i}";
            await ReviewContent.StoreAsync(cluster.Silo, entity, $"Item {i}: get FR33 M0NEY now, limited offer", keyword: "free money");
            await queue.Enqueue(new EnqueueRequest
            {
                Key = $"bench-page-{i}",
                Objects = [new ReviewObject("item", entity), new ReviewObject("owner", $"user:bench-page-{i}")],
                Scores = [new JobScore("spam", 0.7, "keyword spam-words: free money 0.4")],
                Priority = jobs - i,
                Actor = "bench",
            });
        }

        const string password = "bench reviewer password";
        await grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey).Create("bench-reviewer", password, [AccountRoles.Reviewer], ["bench-reviewers"], "bench");
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = cluster.Silo.Http.BaseAddress!.ToString() });
        await page.AddInitScriptAsync(Stopwatch);
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name=username]", "bench-reviewer");
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queues");
        await page.GotoAsync("/review/bench-review-page");

        var medians = new List<double>();
        var all = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await page.EvaluateAsync("() => { sessionStorage.removeItem('tempo'); }");
            for (var decision = 1; decision <= Decisions; decision++)
            {
                foreach (var key in new[] { "r", "s", "1", "Enter" })
                {
                    await page.Keyboard.PressAsync(key);
                }

                await page.WaitForFunctionAsync("n => JSON.parse(sessionStorage.getItem('tempo') || '[]').length >= n", decision);
            }

            var tempo = await page.EvaluateAsync<double[]>("() => JSON.parse(sessionStorage.getItem('tempo'))");
            medians.Add(Percentile(tempo, 50));
            all.AddRange(tempo);
        }

        var parts = await page.EvaluateAsync<double[][]>("() => JSON.parse(sessionStorage.getItem('parts'))");
        double Part(int index) => Math.Round(Percentile([.. parts.Select(p => p[index])], 50), 1);
        return new Result(runs, all.Count, Math.Round(Percentile([.. all], 50), 1), Math.Round(Percentile([.. all], 90), 1), [.. medians.Select(m => Math.Round(m, 1))],
            Part(0), Part(1), Part(2));
    }

    private static double Percentile(double[] values, double percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
