import { reopenProblem, stageChangeProblem } from './lead.vocabulary.js';

describe('lead pipeline rules', () => {
  it('moves forward, skipping is allowed only before signing', () => {
    expect(stageChangeProblem('new', 'contacted')).toBeNull();
    expect(stageChangeProblem('new', 'negotiating')).toBeNull();
    expect(stageChangeProblem('new', 'signed')).toBeNull();
    expect(stageChangeProblem('contacted', 'signed')).toBeNull();
    expect(stageChangeProblem('signed', 'started')).toBeNull();
    expect(stageChangeProblem('started', 'producing')).toBeNull();
    expect(stageChangeProblem('new', 'started')).toMatch(/须先签约/);
    expect(stageChangeProblem('signed', 'producing')).toMatch(/须先进入「已开工」/);
  });

  it('never moves back, never leaves a final stage silently', () => {
    expect(stageChangeProblem('negotiating', 'contacted')).toMatch(/只能向前/);
    expect(stageChangeProblem('started', 'signed')).toMatch(/只能向前/);
    expect(stageChangeProblem('contacted', 'new')).toMatch(/不能回到/);
    expect(stageChangeProblem('lost', 'contacted')).toMatch(/重新打开/);
    expect(stageChangeProblem('producing', 'lost')).toMatch(/已投产/);
    expect(stageChangeProblem('signed', 'signed')).toMatch(/已处于/);
  });

  it('loses only before signing', () => {
    expect(stageChangeProblem('new', 'lost')).toBeNull();
    expect(stageChangeProblem('negotiating', 'lost')).toBeNull();
    expect(stageChangeProblem('signed', 'lost')).toMatch(/不能标记为流失/);
  });

  it('reopens a lost lead to a stage before signing, no later than where it was lost', () => {
    expect(reopenProblem('lost', 'negotiating', 'contacted')).toBeNull();
    expect(reopenProblem('lost', 'negotiating', 'negotiating')).toBeNull();
    expect(reopenProblem('lost', 'contacted', 'negotiating')).toMatch(/更靠后/);
    expect(reopenProblem('contacted', null, 'new')).toMatch(/只有已流失/);
    expect(reopenProblem('lost', 'negotiating', 'signed')).toMatch(/签约前/);
  });
});
