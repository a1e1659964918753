import { render } from "../../generator/plan/render";
import { declarations, sharedLists } from "../../generator/plan/typescript";
import { expand, type StackSpec, sharedList } from "../../generator/stack-spec";

const accounts = ["111122223333", "444455556666"];
const specs: StackSpec[] = [
  {
    id: "provider",
    varName: "provider",
    className: "P",
    module: "m",
    props: { region: "eu-west-1", consumerAccounts: sharedList("consumerAccounts", accounts) },
  },
  {
    id: "consumer",
    varName: "consumer",
    className: "C",
    module: "m",
    props: { region: "eu-west-1" },
    refs: { serviceName: { stack: "provider", attribute: "serviceName" } },
    repeat: { values: accounts, prop: "accountId", listName: "consumerAccounts", shared: true },
  },
];
const mainTs = () =>
  render("project/main.ts.hbs", {
    projectName: "p",
    generatorVersion: "0",
    blueprint: "x@1",
    imports: [],
    stacks: declarations(specs),
    lists: sharedLists(specs),
  });

describe("generated main.ts states each answer once", () => {
  test("GIVEN a list that a provider prop and the consumer loop both use THEN main.ts declares it once and both name it", () => {
    const text = mainTs();
    expect(text.match(/111122223333/g)).toHaveLength(1);
    expect(text).toMatch(/^ {2}const consumerAccounts = \["111122223333", "444455556666"\];$/m);
    expect(text).toMatch(/^ {4}consumerAccounts,$/m);
    expect(text).toMatch(/for \(const accountId of consumerAccounts\)/);
  });

  test("the stacks the tests and the repository's app instantiate get the list's values", () => {
    expect(expand(specs[0])[0].props.consumerAccounts).toEqual(accounts);
    expect(expand(specs[1]).map((s) => s.props.accountId)).toEqual(accounts);
  });
});
