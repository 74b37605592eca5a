using System.Globalization;
using System.Text;
using IopTelehealth.Domain.Rooms;

namespace IopTelehealth.Server.Attendance;

/// <summary>One billable line: a patient's minutes in one mode in one group session.</summary>
internal sealed record BillingRow(DateOnly Date, Guid PatientId, Guid SessionId, int Minutes, AttendanceMode Mode, bool MeetsDailyMinimum, int Participants);

/// <summary>
/// The billing export (docs/attendance.md): one row per patient, session and mode with minutes; modifier 95 (video), 93 (audio-only),
/// none in person; whether the patient's minutes that day (all sessions) reach the program's daily minimum (H0015); the number of
/// patients who attended the group session (group psychotherapy documents it). Ordered by date, patient, session, mode.
/// </summary>
internal static class BillingCsv
{
    public const string Header = "date,patient_id,session_id,minutes,mode,modifier,meets_h0015_daily_minimum,group_participants";

    public static IReadOnlyList<BillingRow> Rows(IEnumerable<LoadedSession> sessions)
    {
        var list = sessions.ToList();
        var daily = list.SelectMany(s => s.Patients.Select(p => (s.Session.LocalDate, p.Profile.Id, p.Attendance.Minutes, s.Program.MinimumMinutesPerDay)))
            .GroupBy(x => (x.LocalDate, x.Id))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Minutes) >= g.Max(x => x.MinimumMinutesPerDay));
        return [.. list.SelectMany(s => s.Patients.SelectMany(p => p.Attendance.MinutesByMode
                .Where(m => m.Value > 0 && m.Key != AttendanceMode.RoomDevice)
                .Select(m => new BillingRow(s.Session.LocalDate, p.Profile.Id, s.Session.Id, m.Value, m.Key, daily[(s.Session.LocalDate, p.Profile.Id)], s.ParticipantCount))))
            .OrderBy(r => r.Date).ThenBy(r => r.PatientId).ThenBy(r => r.SessionId).ThenBy(r => r.Mode)];
    }

    public static string Write(IEnumerable<BillingRow> rows)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var r in rows)
        {
            // Only dates, ids, numbers and fixed words: nothing to quote, nothing a spreadsheet could run as a formula.
            csv.Append(CultureInfo.InvariantCulture, $"{r.Date:yyyy-MM-dd},{r.PatientId:D},{r.SessionId:D},{r.Minutes},{AttendanceNames.Of(r.Mode)},")
                .Append(AttendanceNames.Modifier(r.Mode)).Append(',')
                .Append(r.MeetsDailyMinimum ? "yes" : "no").Append(',')
                .Append(r.Participants.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        return csv.ToString();
    }
}
