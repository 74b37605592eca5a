using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IopTelehealth.Persistence.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.CreateTable(
                name: "AttendanceAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceAmendments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceEvents",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 242, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceEvents", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceExcuses",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Excused = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceExcuses", x => new { x.SessionId, x.PatientUserId });
                });

            migrationBuilder.CreateTable(
                name: "AttendanceIntervals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<int>(type: "INTEGER", nullable: true),
                    StartEventId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EndEventId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceIntervals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceSessionLocks",
                columns: table => new
                {
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceSessionLocks", x => x.SessionKey);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceSignOffs",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceSignOffs", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRuns",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRuns", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClinicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsecutiveMisses = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
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
            foreach (var table in new[] { "AttendanceEvents", "AttendanceAmendments" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
