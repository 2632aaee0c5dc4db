// Word lists the demo generator draws from. Every place and organisation it builds from them is
// invented; the words are common English ones and everyday given names and surnames, so no
// combination points at a real person or organisation on purpose.

/** First halves of county names: "Wren" + "haven" gives Wrenhaven County. */
export const countyStarts = [
  'Bramble', 'Thistle', 'Wren', 'Quill', 'Larch', 'Hazel', 'Fenn', 'Marrow', 'Tansy', 'Sorrel',
  'Cobble', 'Heron', 'Juniper', 'Linden', 'Pell', 'Rook', 'Sable', 'Tarn', 'Vesper', 'Willow',
] as const;
export const countyEnds = ['mere', 'wick', 'dale', 'moor', 'crest', 'hollow', 'haven', 'brook', 'shire', 'reach'] as const;

export const townStarts = [
  'Ash', 'Birch', 'Clay', 'Elm', 'Fox', 'Glen', 'High', 'Iron', 'Kettle', 'Lark',
  'Mill', 'North', 'Oak', 'Pine', 'Red', 'Stone', 'Toll', 'West', 'Amber', 'Copper',
] as const;
export const townEnds = [
  'ton', 'bury', 'port', 'ville', 'wood', 'bridge', 'stead', 'ley', 'field', 'ford',
  ' Falls', ' Springs', ' Crossing', ' Landing', ' Hill',
] as const;

/** Hopeful words that community groups like to take as names. */
export const hopeWords = [
  'Harbor', 'Lantern', 'Open Door', 'Bridge', 'Compass', 'Hearth', 'Lighthouse', 'Common Ground',
  'Keystone', 'Sunrise', 'Riverbend', 'Cornerstone', 'Good Neighbor', 'Wellspring', 'North Star',
  'Kindling', 'Open Hands', 'Evergreen', 'Bluebird', 'Meadowlark',
] as const;

/** Names for "St. <Name>" parishes and church groups. */
export const saintNames = [
  'Brigid', 'Columba', 'Hilda', 'Aidan', 'Monica', 'Jude', 'Clare', 'Anselm', 'Bede', 'Agnes',
  'Kevin', 'Ita', 'Piran', 'Winifred',
] as const;

/** Street names for "<Street> Street Clinic" and the like. */
export const streetNames = [
  'Maple', 'Chestnut', 'Orchard', 'Depot', 'Canal', 'Mercer', 'Locust', 'Grove', 'Tannery', 'Foundry',
  'Quarry', 'Ferry', 'Spruce', 'Garden',
] as const;

// ASCII only: they become the local part of email addresses.
export const firstNames = [
  'Ada', 'Amara', 'Andre', 'Beatriz', 'Bilal', 'Camila', 'Chen', 'Dana', 'Darnell', 'Elena',
  'Emeka', 'Farah', 'Gabriel', 'Hana', 'Ian', 'Imani', 'Jamal', 'Jia', 'Jorge', 'Kai',
  'Keisha', 'Leila', 'Luis', 'Malik', 'Maya', 'Mei', 'Nadia', 'Noah', 'Omar', 'Priya',
  'Rafael', 'Rosa', 'Samir', 'Sofia', 'Tamika', 'Theo', 'Tomas', 'Vivian', 'Yusuf', 'Zara',
] as const;
export const lastNames = [
  'Abara', 'Bellamy', 'Castillo', 'Delacroix', 'Eastman', 'Ferreira', 'Goldberg', 'Haddad', 'Ibarra', 'Jennings',
  'Kowalski', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okafor', 'Park', 'Quintero', 'Rahman', 'Sandoval', 'Tran',
  'Underwood', 'Vasquez', 'Whitfield', 'Xiong', 'Yamada', 'Zamora', 'Ashby', 'Brennan', 'Coleman', 'Duarte',
  'Ellison', 'Fontaine', 'Greer', 'Holloway', 'Iverson', 'Jovanovic', 'Kaur', 'Lowell', 'Moreno', 'Nguyen',
] as const;

/** Language codes services are offered in, besides English; weighted toward the common ones. */
export const otherLanguages = ['es', 'es', 'es', 'vi', 'zh', 'ar', 'so', 'ht', 'pt', 'fr', 'ru', 'ne'] as const;

/** Area codes for the fictional phone numbers; every 555-01xx number is reserved for fiction. */
export const areaCodes = ['208', '319', '406', '502', '573', '608', '715', '802'] as const;
