using IopTelehealth.Domain.Rooms.Ports;

namespace IopTelehealth.Domain.Rooms;

/// <summary>A connection that has joined a room: which room, as which participant, for which caller.</summary>
public sealed record RoomConnection(SessionId SessionId, ParticipantId ParticipantId, string ConnectionId, RoomCaller Caller);

/// <summary>The room after a join, with the joined participant.</summary>
public sealed record JoinOutcome(RoomConnection Connection, JoinResult Result, RoomState State);

/// <summary>What the pre-join page shows: the session and the caller's place in it.</summary>
public sealed record PreJoin(SessionFacts Session, RoomMember Member, RoomPhase Phase, bool ConsentRequired);
