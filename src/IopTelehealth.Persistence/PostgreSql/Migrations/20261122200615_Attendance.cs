using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace IopTelehealth.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Attendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EscalateAfterMisses",
                table: "Programs",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.CreateTable(
                name: "AttendanceAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceAmendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceEvents",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<string>(type: "character varying(242)", maxLength: 242, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceEvents", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceExcuses",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Excused = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceExcuses", x => new { x.SessionId, x.PatientUserId });
                });

            migrationBuilder.CreateTable(
                name: "AttendanceIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<int>(type: "integer", nullable: true),
                    StartEventId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EndEventId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceIntervals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceSessionLocks",
                columns: table => new
                {
                    SessionKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceSessionLocks", x => x.SessionKey);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceSignOffs",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceSignOffs", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRuns",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRuns", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsecutiveMisses = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpContacts_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceAmendments_SessionId_At",
                table: "AttendanceAmendments",
                columns: new[] { "SessionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceEvents_SessionId_UserId",
                table: "AttendanceEvents",
                columns: new[] { "SessionId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceIntervals_OneOpen",
                table: "AttendanceIntervals",
                columns: new[] { "SessionId", "UserId" },
                unique: true,
                filter: "\"End\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceIntervals_SessionId_UserId_Start",
                table: "AttendanceIntervals",
                columns: new[] { "SessionId", "UserId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceIntervals_UserId_Start",
                table: "AttendanceIntervals",
                columns: new[] { "UserId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpContacts_TaskId",
                table: "FollowUpContacts",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_ClinicId_Status_CreatedAt",
                table: "FollowUpTasks",
                columns: new[] { "ClinicId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_SessionId_PatientUserId",
                table: "FollowUpTasks",
                columns: new[] { "SessionId", "PatientUserId" },
                unique: true);

            // Recorded attendance facts and amendments are evidence: append-only even for someone who bypasses the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION attendance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'attendance evidence is append-only'; END; $$;
                """);
            foreach (var table in new[] { "AttendanceEvents", "AttendanceAmendments" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_AppendOnly" BEFORE UPDATE OR DELETE OR TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION attendance_append_only();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"AttendanceEvents_AppendOnly\" ON \"AttendanceEvents\";");
            migrationBuilder.Sql("DROP TRIGGER \"AttendanceAmendments_AppendOnly\" ON \"AttendanceAmendments\";");
            migrationBuilder.Sql("DROP FUNCTION attendance_append_only();");
            migrationBuilder.DropTable(
                name: "AttendanceAmendments");

            migrationBuilder.DropTable(
                name: "AttendanceEvents");

            migrationBuilder.DropTable(
                name: "AttendanceExcuses");

            migrationBuilder.DropTable(
                name: "AttendanceIntervals");

            migrationBuilder.DropTable(
                name: "AttendanceSessionLocks");

            migrationBuilder.DropTable(
                name: "AttendanceSignOffs");

            migrationBuilder.DropTable(
                name: "FollowUpContacts");

            migrationBuilder.DropTable(
                name: "FollowUpRuns");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "EscalateAfterMisses",
                table: "Programs");
        }
    }
}
