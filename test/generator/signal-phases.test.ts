import { handleSignals, pendingSignal, SIGNALS, setPhase, whileWriting } from "../../generator/signals";

describe("what a signal means, by phase (the handlers, with the process's exit and stderr replaced)", () => {
  const said: string[] = [];
  const exits: number[] = [];
  beforeAll(() =>
    handleSignals(
      (text) => said.push(text.trim()),
      (code) => exits.push(code),
    ),
  );
  afterAll(() => {
    for (const signal of SIGNALS) process.removeAllListeners(signal);
  });
  beforeEach(() => {
    said.length = 0;
    exits.length = 0;
    setPhase("before-write");
  });

  test("GIVEN nothing written yet WHEN SIGTERM THEN 'nothing was written' and exit 143", () => {
    process.emit("SIGTERM");
    expect(said).toEqual(["Interrupted: nothing was written."]);
    expect(exits).toEqual([143]);
  });

  test("GIVEN the write in progress WHEN SIGINT THEN it is only recorded, for the writer to roll back", async () => {
    let seen: string | undefined;
    await whileWriting(async () => {
      process.emit("SIGINT");
      seen = pendingSignal();
      throw new Error("the writer rolled back");
    }).catch(() => undefined);
    expect(seen).toBe("SIGINT");
    expect(exits).toEqual([]);
    expect(pendingSignal()).toBeUndefined();
  });

  test("GIVEN a signal after the writer's last check THEN 'the project was written', exit 129 for SIGHUP", async () => {
    await whileWriting(async () => {
      process.emit("SIGHUP");
    });
    expect(said).toEqual(["Interrupted: the project was written."]);
    expect(exits).toEqual([129]);
  });

  test("GIVEN npm install running WHEN SIGINT THEN 'the project was written; npm install was interrupted', exit 130", () => {
    setPhase("installing");
    process.emit("SIGINT");
    expect(said).toEqual([expect.stringMatching(/^Interrupted: the project was written; npm install was interrupted/)]);
    expect(exits).toEqual([130]);
  });
});
