using IopTelehealth.Domain.Attendance;

namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// The attendance facts of in-clinic presence, from the room's own events (pure; the host's sink records them next to the
/// ledger's remote facts). A check-in (the in-person mode change) opens an in-person interval, which closes a remote one at
/// the same instant; an in-clinic participant's departure (check-out, removal) closes it through the in-person channel. The
/// session's end is the ledger's RoomEnded rule. Ids derive from the room events' stable ids (suffixed: the ledger's own translation
/// of the same ParticipantLeft already uses the plain id), so a retried transition records nothing twice.
/// </summary>
public static class InClinicAttendance
{
    public static IReadOnlyList<AttendanceEvent> Translate(IReadOnlyList<RoomEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var facts = new List<AttendanceEvent>();
        foreach (var roomEvent in events)
        {
            switch (roomEvent)
            {
                case ParticipantModeChanged { Mode: AttendanceMode.InPerson } checkIn:
                    facts.Add(AttendanceEvent.Opened(IdOf(checkIn), checkIn.SessionId, checkIn.UserId, AttendanceMode.InPerson, checkIn.At, checkIn.Sequence));
                    break;
                case ParticipantLeft { InClinic: true } left when left.Reason != LeaveReason.SessionEnded:
                    facts.Add(AttendanceEvent.Closed(IdOf(left), left.SessionId, left.UserId, AttendanceChannel.InPerson,
                        left.Reason == LeaveReason.Removed ? AttendanceEndReason.Removed : AttendanceEndReason.CheckedOut, left.At, left.Sequence));
                    break;
                default:
                    break;
            }
        }

        return facts;
    }

    private static string IdOf(RoomEvent roomEvent) => roomEvent.EventId + ":in-person";
}
