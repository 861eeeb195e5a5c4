import { useState } from 'react';
import {
  REFERRAL_METHOD_LABELS,
  REFERRAL_METHODS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_LABELS,
  type DirectoryServiceEntry,
  type ReferralMethod,
  type SaveDirectoryServiceInput,
} from '../../../core/schemas/config/directory-services';
import { useApi } from '../../api/api-context';
import { CheckboxGroup } from '../../components/checkbox-group';
import { SelectInput } from '../../components/select-input';
import { TextInput } from '../../components/text-input';
import { TextareaInput } from '../../components/textarea-input';
import { useSubmit } from '../../components/use-submit';
import { EntryForm } from './entry-form';

type Form = {
  name: string;
  category: string;
  description: string;
  eligibility: string;
  phone: string;
  email: string;
  website: string;
  referralMethods: ReferralMethod[];
};

const EMPTY: Form = { name: '', category: '', description: '', eligibility: '', phone: '', email: '', website: '', referralMethods: [] };

function formOf(service: DirectoryServiceEntry): Form {
  return {
    name: service.name,
    category: service.category,
    description: service.description,
    eligibility: service.eligibility,
    phone: service.phone ?? '',
    email: service.email ?? '',
    website: service.website ?? '',
    referralMethods: [...service.referralMethods],
  };
}

/** The save input for an existing entry, as it is now (deactivating sends this with `active` flipped). */
export function directoryServiceInput(service: DirectoryServiceEntry): SaveDirectoryServiceInput {
  return { ...formOf(service), category: service.category, active: service.active };
}

/** Server paths become input ids; the checkboxes' message links to the first checkbox. */
const fieldId = (path: string) => (path === 'referralMethods' ? `service-referralMethods-${REFERRAL_METHODS[0]}` : `service-${path}`);

/** Add or edit an onward service. */
export function DirectoryServiceForm({
  entry,
  onSaved,
  onCancel,
}: {
  entry: DirectoryServiceEntry | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const [form, setForm] = useState<Form>(entry === undefined ? EMPTY : formOf(entry));
  const save = useSubmit<DirectoryServiceEntry>(fieldId);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((current) => ({ ...current, [key]: value }));
  const error = (path: string) => save.fieldErrors[fieldId(path)];
  const submit = () =>
    void save.submit(
      () =>
        api.call('config.saveService', {
          ...form,
          category: form.category as never,
          ...(entry === undefined ? {} : { id: entry.id, version: entry.version, active: entry.active }),
        }),
      (saved) => onSaved(`${saved.name} saved.`),
    );
  return (
    <EntryForm
      channel="config.saveService"
      id="service-form"
      title={entry === undefined ? 'Add a service' : `Edit ${entry.name}`}
      submitLabel="Save service"
      state={save}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextInput
        id="service-name"
        label="Name of the service"
        value={form.name}
        error={error('name')}
        onValueChange={set('name')}
        autoComplete="off"
      />
      <SelectInput
        id="service-category"
        label="Category"
        value={form.category}
        placeholder="Choose a category"
        options={SERVICE_CATEGORIES.map((category) => ({ value: category, label: SERVICE_CATEGORY_LABELS[category] }))}
        error={error('category')}
        onValueChange={set('category')}
      />
      <TextareaInput
        id="service-description"
        label="What the service offers"
        value={form.description}
        error={error('description')}
        onValueChange={set('description')}
        rows={3}
      />
      <TextareaInput
        id="service-eligibility"
        label="Who it is for"
        hint="Eligibility: for example age, where people live, or a condition"
        value={form.eligibility}
        error={error('eligibility')}
        onValueChange={set('eligibility')}
        rows={2}
      />
      <p className="nhsuk-body">Give at least one way to contact the service.</p>
      <TextInput
        id="service-phone"
        type="tel"
        label="Phone (optional)"
        value={form.phone}
        error={error('phone')}
        onValueChange={set('phone')}
        className="nhsuk-u-width-one-half"
        autoComplete="off"
      />
      <TextInput
        id="service-email"
        type="email"
        label="Email (optional)"
        value={form.email}
        error={error('email')}
        onValueChange={set('email')}
        autoComplete="off"
      />
      <TextInput
        id="service-website"
        type="url"
        label="Website (optional)"
        hint="For example www.example.org"
        value={form.website}
        error={error('website')}
        onValueChange={set('website')}
        autoComplete="off"
        spellCheck={false}
      />
      <CheckboxGroup
        name="service-referralMethods"
        legend="How people are referred"
        hint="Select all that apply"
        values={form.referralMethods}
        options={REFERRAL_METHODS.map((method) => ({ value: method, label: REFERRAL_METHOD_LABELS[method] }))}
        error={error('referralMethods')}
        onValuesChange={set('referralMethods')}
      />
    </EntryForm>
  );
}
