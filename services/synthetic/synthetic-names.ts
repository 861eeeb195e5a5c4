/**
 * Name parts for synthetic people. Combined at random they describe nobody in particular; with
 * the 999 NHS-number range and the demo banner, generated records are clearly test data.
 */
export const GIVEN_NAMES = [
  'Aisha', 'Alex', 'Amir', 'Ana', 'Beth', 'Callum', 'Chen', 'Chloe', 'Dan', 'Dev', 'Ella', 'Emeka',
  'Fatima', 'Finn', 'Grace', 'Hamza', 'Hannah', 'Harry', 'Imran', 'Isla', 'Jack', 'Jade', 'Jamal',
  'Kai', 'Kate', 'Leah', 'Liam', 'Lucy', 'Maya', 'Mo', 'Nadia', 'Noah', 'Olu', 'Omar', 'Priya',
  'Raj', 'Rosa', 'Ryan', 'Sam', 'Sara', 'Sean', 'Sophie', 'Tariq', 'Tom', 'Uma', 'Wei', 'Yusuf', 'Zara',
] as const;

export const FAMILY_NAMES = [
  'Adeyemi', 'Ahmed', 'Ali', 'Bailey', 'Begum', 'Brown', 'Campbell', 'Chapman', 'Clarke', 'Davies',
  'Evans', 'Fisher', 'Green', 'Hall', 'Harris', 'Hughes', 'Hussain', 'Jackson', 'James', 'Johnson',
  'Jones', 'Kaur', 'Khan', 'Kowalski', 'Lewis', 'Mensah', 'Miah', 'Morgan', 'Murphy', 'Nowak',
  'Okafor', 'Patel', 'Price', 'Roberts', 'Robinson', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas',
  'Thompson', 'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wright', 'Young',
] as const;
