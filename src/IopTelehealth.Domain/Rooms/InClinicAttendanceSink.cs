using IopTelehealth.Domain.Attendance;
using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// Writes in-person presence to the attendance ledger from the room's own events, before anyone is notified: a check-in
/// (the in-person mode change) opens an in-person interval, closing a remote one at the same instant; an in-clinic
/// participant's departure (check-out, removal) closes it. The session's end is the ledger's RoomEnded rule. Each write
/// carries the room event's stable id, so a retried transition records nothing twice.
/// </summary>
public sealed class InClinicAttendanceSink(InPersonAttendance attendance) : IRoomEventSink
{
    public async Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var roomEvent in events)
        {
            switch (roomEvent)
            {
                case ParticipantModeChanged { Mode: AttendanceMode.InPerson } checkIn:
                    await attendance.CheckInAsync(checkIn.SessionId, checkIn.UserId, checkIn.At, checkIn.EventId, cancellationToken);
                    break;
                case ParticipantLeft { InClinic: true } left when left.Reason != LeaveReason.SessionEnded:
                    await attendance.CheckOutAsync(left.SessionId, left.UserId, left.At, left.EventId, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }
}
