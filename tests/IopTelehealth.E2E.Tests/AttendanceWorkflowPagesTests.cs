using System.Globalization;
using IopTelehealth.Contracts.Attendance;
using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Scheduling;
using IopTelehealth.E2E.Tests.Infrastructure;
using IopTelehealth.Server.Seeding;
using IopTelehealth.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IopTelehealth.E2E.Tests;

/// <summary>
/// The therapist's attendance work in a real browser, after sessions held over the hub and at the front desk: the session
/// roster (excuse, sign-off, amendment), the missed-session follow-up queue, and the group dashboard's chart.
/// Each test holds its own sessions; the therapist signs in with password and TOTP as on the real site.
/// </summary>
public sealed class AttendanceWorkflowPagesTests(AttendanceAppFixture app) : IClassFixture<AttendanceAppFixture>
{
    private const string Therapist = "Dr. Taylor Reed";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(DemoAccounts.ClinicTimeZone);

    [Fact]
    public async Task The_therapist_reads_the_roster_excuses_an_absence_signs_off_and_then_amends_with_a_reason()
    {
        // An hour into the session Jordan was checked in at the front desk and Casey joined from home; Riley never came; then the
        // therapist ended the room.
        await EnrollSinceFiveWeeksAsync();
        var held = await app.Server.HoldSessionAsync(inClinic: [1], remote: [2]);
        var (jordan, casey, riley) = (await app.Server.DemoPatientAsync(1), await app.Server.DemoPatientAsync(2), await app.Server.DemoPatientAsync(3));
        var page = await SignedInTherapistAsync();
        var url = $"/attendance/sessions/{held.SessionId}";
        await page.GotoAsync(url);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Session attendance");
        await Expect(page.Locator("p.session-facts")).ToContainTextAsync("· ended · 2 participant(s)");
        await Expect(Row(page, jordan.LegalName).Locator("td")).ToHaveTextAsync([
            $"{jordan.LegalName} ({jordan.DisplayAlias})", "partial", Minutes(held, jordan.UserId), Utc(First(held, jordan.UserId)),
            Utc(Last(held, jordan.UserId)), "in-person", "", "late, left-early"]);
        await Expect(Row(page, casey.LegalName).Locator("td")).ToHaveTextAsync([
            $"{casey.LegalName} ({casey.DisplayAlias})", "partial", Minutes(held, casey.UserId), Utc(First(held, casey.UserId)),
            Utc(Last(held, casey.UserId)), "video", "Home, Evanston, IL", "late, left-early"]);
        await Expect(Row(page, riley.LegalName).Locator("td")).ToHaveTextAsync([$"{riley.LegalName} ({riley.DisplayAlias})", "absent", "0", "", "", "", "", ""]);
        await Expect(page.Locator("table.roster tbody tr")).ToHaveCountAsync(DemoAccounts.PatientCount);

        // Riley's absence is excused with a reason; the status changes and is still there when the page is opened again.
        await SaveExcuseAsync(page, $"{riley.LegalName} (absent)", excused: true, "Hospital appointment, letter on file");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(Row(page, riley.LegalName).Locator("td").Nth(1)).ToHaveTextAsync("excused — Hospital appointment, letter on file");
        await page.GotoAsync(url);
        await Expect(Row(page, riley.LegalName)).ToHaveClassAsync("status-excused");
        await Expect(Row(page, riley.LegalName).Locator("td").Nth(1)).ToHaveTextAsync("excused — Hospital appointment, letter on file");

        var signOff = page.GetByRole(AriaRole.Button, new() { Name = "Sign off this session's attendance" });
        await signOff.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Signed off.");
        await Expect(page.Locator("p.session-facts .badge")).ToHaveTextAsync($"Signed off by {Therapist}");
        await Expect(signOff).ToHaveCountAsync(0);
        await Expect(page.Locator("p.note")).ToHaveTextAsync("Signed off: a change is recorded as an amendment with its reason, author and time.");

        // After sign-off a change without a reason is refused and changes nothing.
        await SaveExcuseAsync(page, $"{riley.LegalName} (excused)", excused: false, "");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Reason is required");
        await Expect(Row(page, riley.LegalName)).ToHaveClassAsync("status-excused");
        await Expect(page.Locator("ul.amendments")).ToHaveCountAsync(0);

        // With a reason it is an amendment, shown with its kind, reason and author, and kept.
        await SaveExcuseAsync(page, $"{riley.LegalName} (excused)", excused: false, "No appointment on record");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(Row(page, riley.LegalName).Locator("td").Nth(1)).ToHaveTextAsync("absent");
        var amendment = page.Locator("ul.amendments li");
        await Expect(amendment).ToHaveCountAsync(1);
        await Expect(amendment).ToContainTextAsync($"unexcused — {riley.LegalName} — “No appointment on record” ({Therapist})");
        await page.GotoAsync(url);
        await Expect(amendment).ToContainTextAsync($"unexcused — {riley.LegalName} — “No appointment on record” ({Therapist})");
        await Expect(page.Locator("p.session-facts .badge")).ToHaveTextAsync($"Signed off by {Therapist}");
        await Expect(Row(page, riley.LegalName)).ToHaveClassAsync("status-absent");
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_absentee_has_a_follow_up_the_therapist_logs_a_contact_and_closes_it()
    {
        // Casey came (from home); everyone else enrolled missed the session.
        await EnrollSinceFiveWeeksAsync();
        var held = await app.Server.HoldSessionAsync(inClinic: [], remote: [2]);
        var (casey, morgan) = (await app.Server.DemoPatientAsync(2), await app.Server.DemoPatientAsync(4));
        await app.Server.FollowUpCreatedAsync(held.SessionId, morgan.UserId);
        var page = await SignedInTherapistAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Missed-session follow-ups" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Missed-session follow-ups");
        var ofSession = page.Locator("li.follow-up").Filter(new() { Has = page.Locator($"a[href='attendance/sessions/{held.SessionId}']") });
        await Expect(ofSession).ToHaveCountAsync(DemoAccounts.PatientCount - 1);
        await Expect(ofSession.Filter(new() { HasText = casey.LegalName })).ToHaveCountAsync(0);
        var task = ofSession.Filter(new() { HasText = morgan.LegalName });
        await Expect(task).ToHaveCountAsync(1);
        await Expect(task).ToContainTextAsync($"{morgan.LegalName} missed {DemoAccounts.GroupName}");

        await task.GetByLabel("Contact method").SelectOptionAsync("phone");
        await task.GetByLabel("Note").FillAsync("Left a voicemail; will try again tomorrow");
        await task.GetByRole(AriaRole.Button, new() { Name = "Log contact" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Contact logged.");
        await Expect(task.Locator("ul.contacts li")).ToHaveCountAsync(1);
        await Expect(task.Locator("ul.contacts li")).ToContainTextAsync($"phone · Left a voicemail; will try again tomorrow ({Therapist})");

        await task.GetByLabel("Outcome").FillAsync("Reached by phone; back on Thursday");
        await task.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Closed.");
        await Expect(task).ToHaveCountAsync(0);
        await Expect(ofSession).ToHaveCountAsync(DemoAccounts.PatientCount - 2);

        // Opened again: the closed task stays out of the open queue, the others stay in; the contact and outcome were kept.
        await page.GotoAsync("/attendance/follow-ups");
        await Expect(ofSession).ToHaveCountAsync(DemoAccounts.PatientCount - 2);
        await Expect(task).ToHaveCountAsync(0);
        var stored = await app.Server.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Include(t => t.Contacts)
            .SingleAsync(t => t.SessionId == held.SessionId && t.PatientUserId == morgan.UserId));
        Assert.Equal((FollowUpStatus.Closed, "Reached by phone; back on Thursday"), (stored.Status, stored.Outcome));
        Assert.Equal(("phone", "Left a voicemail; will try again tomorrow"), (Assert.Single(stored.Contacts).Method, stored.Contacts.Single().Note));
        Assert.Empty(app.ConsoleErrors(page));
    }

    [Fact]
    public async Task The_group_dashboard_charts_the_attendance_rate_of_every_week_and_marks_weeks_without_sessions()
    {
        // Everyone enrolled five weeks ago. Four weeks ago: nobody came (0 %). Three weeks ago: 2 of 8 came. Two weeks ago: all
        // 8, then 3 of 6 (2 excused): 11 of 14.
        var thisMonday = await EnrollSinceFiveWeeksAsync();
        var (fourAgo, threeAgo, twoAgo) = (thisMonday.AddDays(-28), thisMonday.AddDays(-21), thisMonday.AddDays(-14));
        await app.Server.PastSessionInClinicAsync(fourAgo.AddDays(2), "Boundaries", []);
        var few = await app.Server.PastSessionInClinicAsync(threeAgo.AddDays(1), "Relapse prevention", [1, 2]);
        var all = await app.Server.PastSessionInClinicAsync(twoAgo.AddDays(1), "Coping skills", [1, 2, 3, 4, 5, 6, 7, 8]);
        var half = await app.Server.PastSessionInClinicAsync(twoAgo.AddDays(3), "Family roles", [1, 2, 3]);
        using (var api = await app.Server.ApiAsAsync(DemoAccounts.Therapist))
        {
            foreach (var number in new[] { 7, 8 })
            {
                var patient = await app.Server.DemoPatientAsync(number);
                (await api.ApiPutAsync($"/api/sessions/{half}/attendance/{patient.Id}/excuse", new ExcuseInput(true, "Court date"))).EnsureSuccessStatusCode();
            }
        }

        var weeksWithSessions = await WeeksWithStartedSessionsAsync(thisMonday);
        var page = await SignedInTherapistAsync();
        await page.SetViewportSizeAsync(1024, 900);
        await page.GotoAsync($"/attendance/sessions/{all}");
        await page.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.GroupName }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync($"{DemoAccounts.GroupName}: attendance");
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Attendance rate per week" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("rect.rate-bar")).ToHaveCountAsync(weeksWithSessions.Length);
        Assert.Equal(weeksWithSessions, await chart.Locator("rect.rate-bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.week)"));
        // The default range is the last eight clinic weeks, each in its slot; a week without sessions is marked, not left out.
        var eightWeeks = Enumerable.Range(0, 8).Select(k => Day(thisMonday.AddDays(7 * (k - 7)))).ToArray();
        await Expect(chart.Locator("g.week")).ToHaveCountAsync(8);
        Assert.Equal(eightWeeks.Except(weeksWithSessions),
            await chart.Locator("g.no-sessions").EvaluateAllAsync<string[]>("weeks => weeks.map(w => w.dataset.week)"));
        Assert.Contains(Day(fourAgo), weeksWithSessions);
        Assert.DoesNotContain(Day(thisMonday.AddDays(-7)), weeksWithSessions);
        await Expect(chart.Locator($"g.no-sessions[data-week='{Day(thisMonday.AddDays(-7))}'] > title"))
            .ToHaveTextAsync($"Week of {thisMonday.AddDays(-7).ToString("MMM d", CultureInfo.InvariantCulture)}: no sessions");
        // The 0 % week has a bar of no height and a mark the browser draws on the baseline.
        await Expect(chart.Locator($"rect.rate-bar[data-week='{Day(fourAgo)}'] > title"))
            .ToHaveTextAsync($"Week of {fourAgo.ToString("MMM d", CultureInfo.InvariantCulture)}: 0% (0 of 8)");
        var zeroMark = chart.Locator($"rect.zero-rate[data-week='{Day(fourAgo)}']");
        await Expect(zeroMark).ToBeVisibleAsync();
        Assert.Equal(1, await chart.Locator("rect.zero-rate").CountAsync());
        var low = chart.Locator($"rect.rate-bar[data-week='{Day(threeAgo)}']");
        var high = chart.Locator($"rect.rate-bar[data-week='{Day(twoAgo)}']");
        await Expect(low.Locator("title")).ToHaveTextAsync($"Week of {threeAgo.ToString("MMM d", CultureInfo.InvariantCulture)}: 25% (2 of 8)");
        await Expect(high.Locator("title")).ToHaveTextAsync($"Week of {twoAgo.ToString("MMM d", CultureInfo.InvariantCulture)}: 79% (11 of 14)");
        await Expect(chart.Locator($"rect.rate-bar[data-week='{Day(thisMonday.AddDays(-7))}']")).ToHaveCountAsync(0);
        var zeroBox = await zeroMark.BoundingBoxAsync();
        Assert.NotNull(zeroBox);

        // The browser drew them: both stand on the same baseline and their heights keep the rates' ratio (0.7857 / 0.25).
        var lowBox = await low.BoundingBoxAsync();
        var highBox = await high.BoundingBoxAsync();
        Assert.NotNull(lowBox);
        Assert.NotNull(highBox);
        Assert.InRange(highBox.Height / lowBox.Height, 3.0, 3.3);
        Assert.InRange(highBox.Y + highBox.Height - (lowBox.Y + lowBox.Height), -1, 1);
        Assert.InRange(zeroBox.Y + zeroBox.Height - (lowBox.Y + lowBox.Height), -1, 1);

        await Expect(SessionRow(page, few).Locator("td")).ToHaveTextAsync([Day(threeAgo.AddDays(1)), "Relapse prevention", "2", "8", "25%"]);
        await Expect(SessionRow(page, all).Locator("td")).ToHaveTextAsync([Day(twoAgo.AddDays(1)), "Coping skills", "8", "8", "100%"]);
        await Expect(SessionRow(page, half).Locator("td")).ToHaveTextAsync([Day(twoAgo.AddDays(3)), "Family roles", "3", "6", "50%"]);

        var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "group-dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000, "the screenshot holds a rendered page");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {shot}");
        Assert.Empty(app.ConsoleErrors(page));
    }

    /// <summary>
    /// Every demo patient enrolled since five weeks before this clinic week (the seed enrolls from this Monday, so a session
    /// an hour ago would have nobody enrolled just after midnight on a Monday). Returns this week's Monday.
    /// </summary>
    private async Task<DateOnly> EnrollSinceFiveWeeksAsync()
    {
        var thisMonday = ClinicWeek.Containing(DateTimeOffset.UtcNow, Zone).Monday;
        await app.Server.EnrollDemoGroupSinceAsync(thisMonday.AddDays(-35));
        return thisMonday;
    }

    private async Task<IPage> SignedInTherapistAsync()
    {
        var page = await app.NewPageAsync();
        // A desk or laptop screen: the roster is a wide table.
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInFromHomeAsync(DemoAccounts.Therapist, DemoAccounts.Password, DemoAccounts.TotpSecret);
        return page;
    }

    private static async Task SaveExcuseAsync(IPage page, string option, bool excused, string reason)
    {
        await page.GetByLabel("Patient", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });
        await page.GetByLabel("Excused", new() { Exact = true }).SetCheckedAsync(excused);
        await page.GetByLabel("Reason").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
    }

    /// <summary>Mondays (clinic weeks) of the dashboard's range holding a session of the demo group that has started: one bar each.</summary>
    private Task<string[]> WeeksWithStartedSessionsAsync(DateOnly thisMonday) => app.Server.WithDbAsync(async db =>
    {
        var group = await db.Groups.SingleAsync(g => g.Name == DemoAccounts.GroupName);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.GroupId == group.Id && s.Status == GroupSessionStatus.Scheduled && s.LocalDate >= thisMonday.AddDays(-49)).ToListAsync();
        return sessions.Where(s => s.ScheduledStart <= DateTimeOffset.UtcNow).Select(s => ClinicWeek.Containing(s.LocalDate, Zone).Monday)
            .Distinct().Order().Select(d => Day(d)).ToArray();
    });

    private static ILocator Row(IPage page, string legalName) => page.Locator("table.roster tbody tr", new() { HasText = legalName });

    private static ILocator SessionRow(IPage page, Guid sessionId) =>
        page.Locator("table tbody tr").Filter(new() { Has = page.Locator($"a[href='attendance/sessions/{sessionId}']") });

    private static IEnumerable<AttendanceInterval> Of(HeldSession held, Guid userId) => held.Intervals.Where(i => i.UserId == userId);

    private static DateTimeOffset First(HeldSession held, Guid userId) => Of(held, userId).Min(i => i.Start);

    private static DateTimeOffset Last(HeldSession held, Guid userId) => Of(held, userId).Max(i => i.End!.Value);

    /// <summary>Whole minutes present counted from the scheduled start, from the ledger's own intervals (docs/attendance.md, "Summaries").</summary>
    private static string Minutes(HeldSession held, Guid userId) =>
        ((int)(Of(held, userId).Sum(i => (i.End!.Value - (i.Start > held.ScheduledStart ? i.Start : held.ScheduledStart)).TotalSeconds) / 60))
            .ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
