import { stageChangeProblem } from './project.vocabulary.js';

describe('project stage changes', () => {
  it('moves forward, also skipping stages', () => {
    expect(stageChangeProblem('planning', 'open')).toBeNull();
    expect(stageChangeProblem('open', 'started')).toBeNull();
    expect(stageChangeProblem('started', 'producing')).toBeNull();
  });
  it('never moves back, never repeats, never leaves closed', () => {
    expect(stageChangeProblem('signed', 'open')).toMatch(/只能向前/);
    expect(stageChangeProblem('open', 'open')).toMatch(/已处于/);
    expect(stageChangeProblem('closed', 'open')).toMatch(/已关闭/);
  });
  it('closes from any open stage', () => {
    for (const s of ['planning', 'open', 'signed', 'started', 'producing'] as const) expect(stageChangeProblem(s, 'closed')).toBeNull();
  });
});
