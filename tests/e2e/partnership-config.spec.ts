import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { expectNoAxeViolations } from './accessibility';
import { expect, openApp, test } from './host-fixture';
import { activate, chooseOption, tabTo, typeInto } from './keyboard';

test('an administrator adds a local discipline, a team member with an HCPC number and a directory service by keyboard only; a coach sees no Settings link', async ({
  page,
  host,
}, testInfo) => {
  await openApp(page, host);
  await activate(page, page.getByRole('button', { name: 'Open a demo partnership' }));
  // Creating the demo (keys for six users, 240 people) takes a few seconds on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible({ timeout: 30_000 });

  // The hub, from the header.
  await activate(page, page.getByRole('link', { name: 'Settings', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'Partnership settings' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Wording of licensed outcome measures' })).toHaveAttribute(
    'href',
    '#/settings/measure-wording',
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-hub.png'), fullPage: true });

  // A local discipline.
  await activate(page, page.getByRole('link', { name: 'Disciplines' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Disciplines' })).toBeFocused();
  const disciplines = page.getByTestId('disciplines-table');
  await expect(disciplines.getByRole('row', { name: /Dietetics/ })).toContainText('Inactive');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-disciplines.png'), fullPage: true });
  await activate(page, page.getByRole('button', { name: 'Add a local discipline' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Add a local discipline' })).toBeFocused();
  await typeInto(page, page.getByLabel('Name of the discipline'), 'Social prescribing');
  await expectNoAxeViolations(page);
  await activate(page, page.getByRole('button', { name: 'Save discipline' }));
  await expect(page.getByRole('status')).toHaveText('Social prescribing saved.');
  await expect(page.getByRole('status')).toBeFocused();
  await expect(disciplines.getByRole('row', { name: /Social prescribing/ })).toContainText(/Local.*Active/);

  // A team member: a wrong HCPC number is refused by the field, then the right one is saved.
  await activate(page, page.getByRole('link', { name: 'Back to partnership settings' }), { backwards: true });
  await activate(page, page.getByRole('link', { name: 'Team members' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Team members' })).toBeFocused();
  const team = page.getByTestId('team-members-table');
  await expect(team.getByRole('row', { name: /Priya Lindqvist/ })).toContainText('HCPC PH999901');
  await expect(team.getByRole('row', { name: /Jamie Thorne/ })).toContainText('Inactive');
  await activate(page, page.getByRole('button', { name: 'Add a team member' }));
  await typeInto(page, page.getByLabel('Full name'), 'Riley Example');
  await chooseOption(page, page.getByLabel('Discipline'), 'Physio', 'Physiotherapy');
  await typeInto(page, page.getByLabel('Job title'), 'Physiotherapist');
  await chooseOption(page, page.getByLabel('Professional body'), 'HCPC', 'HCPC (Health and Care Professions Council)');
  await typeInto(page, page.getByLabel('Registration number'), 'HP123456');
  await typeInto(page, page.getByLabel('Work email (optional)'), 'riley.example@example.org');
  await activate(page, page.getByRole('button', { name: 'Save team member' }));
  const message = 'Enter an HCPC number: the profession code then up to 6 digits, like PH123456 or OT12345';
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('alert').getByRole('link', { name: message })).toBeVisible();
  await expect(page.locator('#member-registrationNumber-error')).toContainText(message);
  await expect(page.getByLabel('Full name')).toHaveValue('Riley Example');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-team-member-error.png'), fullPage: true });
  // The summary's link takes focus to the field.
  await activate(page, page.getByRole('alert').getByRole('link', { name: message }));
  await expect(page.getByLabel('Registration number')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('PH123456');
  await activate(page, page.getByRole('button', { name: 'Save team member' }));
  await expect(page.getByRole('status')).toHaveText('Riley Example saved.');
  await expect(team.getByRole('row', { name: /Riley Example/ })).toContainText(/Physiotherapy.*HCPC PH123456.*Active/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-team.png'), fullPage: true });

  // A service in the directory.
  await activate(page, page.getByRole('link', { name: 'Back to partnership settings' }), { backwards: true });
  await activate(page, page.getByRole('link', { name: 'Service directory' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Service directory' })).toBeFocused();
  const directory = page.getByTestId('directory-table');
  await expect(directory.getByRole('row', { name: /Hillside Job Club/ })).toContainText('Inactive');
  await activate(page, page.getByRole('button', { name: 'Add a service' }));
  await typeInto(page, page.getByLabel('Name of the service'), 'Parkside Walking Group');
  await chooseOption(page, page.getByLabel('Category'), 'Physical', 'Physical activity');
  await typeInto(page, page.getByLabel('What the service offers'), 'Weekly led walks of 30 to 60 minutes at an easy pace.');
  await typeInto(page, page.getByLabel('Who it is for'), 'Anyone who wants to get more active.');
  await typeInto(page, page.getByLabel('Phone (optional)'), '0114 496 0999');
  await typeInto(page, page.getByLabel('Website (optional)'), 'www.parkside-walks.example.org');
  await tabTo(page, page.getByLabel('The person refers themselves'));
  await page.keyboard.press('Space');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-directory-form.png'), fullPage: true });
  await activate(page, page.getByRole('button', { name: 'Save service' }));
  await expect(page.getByRole('status')).toHaveText('Parkside Walking Group saved.');
  await expect(directory.getByRole('row', { name: /Parkside Walking Group/ })).toContainText(
    /Physical activity.*0114 496 0999.*www\.parkside-walks\.example\.org.*Active/,
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-directory.png'), fullPage: true });

  // Deactivating keeps the entry, marked.
  await activate(page, page.getByRole('button', { name: 'Deactivate Parkside Walking Group' }));
  await expect(page.getByRole('status')).toHaveText('Parkside Walking Group deactivated.');
  await expect(directory.getByRole('row', { name: /Parkside Walking Group/ })).toContainText('Inactive');

  // The MI return's area code: the demo partnership is no pilot area, so none is sent until one is set.
  await activate(page, page.getByRole('link', { name: 'Back to partnership settings' }), { backwards: true });
  await activate(page, page.getByRole('link', { name: 'Area code for the MI return' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Area code for the MI return' })).toBeFocused();
  await expect(page.getByTestId('area-code-in-effect')).toHaveText('The MI return sends no area code now.');
  await typeInto(page, page.getByRole('textbox', { name: 'Area code' }), 'E54 61');
  await activate(page, page.getByRole('button', { name: 'Save area code' }));
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.locator('#area-code-error')).toContainText('Enter an ONS integrated care board code');
  await expectNoAxeViolations(page);
  await activate(page, page.getByRole('alert').getByRole('link', { name: /Enter an ONS integrated care board code/ }));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('E54000061');
  await activate(page, page.getByRole('button', { name: 'Save area code' }));
  await expect(page.getByRole('status')).toHaveText('Area code saved.');
  await expect(page.getByTestId('area-code-in-effect')).toHaveText('The MI return sends the area code E54000061 now.');
  await expect(page.getByRole('textbox', { name: 'Area code' })).toHaveValue('E54000061');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath('settings-area-code.png'), fullPage: true });

  // A coach has no Settings link, and the pages tell them so.
  await activate(page, page.getByRole('button', { name: 'Sign out and lock' }), { backwards: true });
  await chooseOption(page, page.getByLabel('Who are you?'), 'demo.coach', 'demo.coach');
  await typeInto(page, page.getByLabel('Passphrase'), DEMO_PARTNERSHIP.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Worklist' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toHaveCount(0);
  await page.evaluate(() => {
    window.location.hash = '#/settings/team';
  });
  await expect(page.getByText("Only administrators can change the partnership's settings.")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a team member' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('an administrator reads the audit trail and checks it is intact', async ({ page, host }) => {
  await openApp(page, host);
  await page.getByRole('button', { name: 'Open a demo partnership' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await page.goto(`${new URL(page.url()).origin}/#/settings/audit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('Viewed');
  await expect(page.getByTestId('audit-table')).toContainText(/WW-\d{6}/);
  await page.getByRole('button', { name: 'Check the audit trail is intact' }).click();
  await expect(page.getByTestId('audit-verification')).toContainText(/Intact: all \d+ entries verified/);
  await page.getByLabel('Action').selectOption({ label: 'Changed settings' });
  await expect(page.getByTestId('audit-table')).toContainText('setup.createDemoPartnership');
  await expect(page.getByTestId('audit-table')).not.toContainText('participants.get');
  await expectNoAxeViolations(page);
});
