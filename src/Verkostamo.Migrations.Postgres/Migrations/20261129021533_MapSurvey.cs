using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkostamo.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MapSurvey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MapSurveyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MapSurveyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MapSurveyLinks_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MapSurveyLinks_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MapSurveyResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurveyLinkId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RespondentActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    RespondentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EntriesJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MapSurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MapSurveyResponses_MapSurveyLinks_SurveyLinkId",
                        column: x => x.SurveyLinkId,
                        principalTable: "MapSurveyLinks",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MapSurveyResponses_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MapSurveyLinks_ActorId",
                table: "MapSurveyLinks",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_MapSurveyLinks_NetworkId",
                table: "MapSurveyLinks",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_MapSurveyLinks_TokenHash",
                table: "MapSurveyLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MapSurveyResponses_NetworkId_Status",
                table: "MapSurveyResponses",
                columns: new[] { "NetworkId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MapSurveyResponses_SurveyLinkId",
                table: "MapSurveyResponses",
                column: "SurveyLinkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MapSurveyResponses");

            migrationBuilder.DropTable(
                name: "MapSurveyLinks");
        }
    }
}
